package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.firstIssue;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static anguan.domain.application.check.SubmitContextFixture.otherApplication;
import static anguan.domain.application.check.SubmitContextFixture.renewal;
import static anguan.domain.application.check.SubmitContextFixture.transferIn;
import static anguan.domain.application.check.SubmitContextFixture.validC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoOtherApplicationInProgressTest {
    private final NoOtherApplicationInProgress rule = new NoOtherApplicationInProgress();

    @Test
    void anOpenFirstIssueOfTheSameCategoryBlocksAndIsNamed() {
        var other = otherApplication(ApplicationType.FIRST_ISSUE, "W2026110300007").category(Category.C3)
                .status(ApplicationStatus.UNDER_REVIEW).build();
        var violation = only(firstIssue().otherApplications(other).check(rule));
        assertEquals("APPLICATION_IN_PROGRESS", violation.code());
        assertEquals("category", violation.field());
        assertTrue(violation.message().contains("W2026110300007"), violation.message());
        assertTrue(violation.message().contains("考核发证"), violation.message());
    }

    @Test
    void aFirstIssueOfAnotherCategoryDoesNotBlock() {
        var other = otherApplication(ApplicationType.FIRST_ISSUE, "W2026110300007").category(Category.A).build();
        assertCodes(firstIssue().otherApplications(other).check(rule));
    }

    @Test
    void decidedAndDeletedApplicationsDoNotBlock() {
        var approved = otherApplication(ApplicationType.FIRST_ISSUE, "W2026010100001").category(Category.C3)
                .status(ApplicationStatus.APPROVED).build();
        var rejected = otherApplication(ApplicationType.FIRST_ISSUE, "W2026010100002").category(Category.C3)
                .status(ApplicationStatus.REJECTED).build();
        var deleted = otherApplication(ApplicationType.FIRST_ISSUE, "W2026010100003").category(Category.C3)
                .deletedAt(Instant.parse("2026-01-02T00:00:00Z")).build();
        assertCodes(firstIssue().otherApplications(approved, rejected, deleted).check(rule));
    }

    @Test
    void theApplicationItselfIsNotAnotherOne() {
        var self = firstIssue().application();
        assertCodes(firstIssue().otherApplications(self).check(rule));
    }

    @Test
    void anOpenTransferInOfTheSameCategoryBlocksAFirstIssue() {
        var other = otherApplication(ApplicationType.TRANSFER_IN, "W2026110300008").category(Category.C3)
                .originalCertificateNo("鲁建安C3（2024）0000009").build();
        assertCodes(firstIssue().otherApplications(other).check(rule), "APPLICATION_IN_PROGRESS");
    }

    @Test
    void anOpenFirstIssueOfTheSameCategoryBlocksATransferInToo() {
        var other = otherApplication(ApplicationType.FIRST_ISSUE, "W2026110300009").category(Category.C1).build();
        assertCodes(transferIn().otherApplications(other).check(rule), "APPLICATION_IN_PROGRESS");
    }

    @Test
    void aTransferInOfTheSameOriginalNumberBlocksWhateverWidthItWasTypedIn() {
        var other = otherApplication(ApplicationType.TRANSFER_IN, "W2026110300010")
                .originalCertificateNo("鲁建安C1(2024)0012345").build();
        var violation = only(transferIn().otherApplications(other).check(rule));
        assertEquals("originalCertificateNo", violation.field());
    }

    @Test
    void anOpenApplicationOnTheSameCertificateBlocksARenewal() {
        var cancellation = otherApplication(ApplicationType.CANCELLATION, "W2026112000003")
                .certificates(List.of(validC3())).status(ApplicationStatus.AWAITING_ENTERPRISE).build();
        var violation = only(renewal().otherApplications(cancellation).check(rule));
        assertEquals("certificateNo", violation.field());
        assertTrue(violation.message().contains("证书注销"), violation.message());
    }

    @Test
    void anApplicationOnAnotherCertificateDoesNotBlockARenewal() {
        var onA = SubmitContextFixture.certificate("沪建安A（2024）0000002", Category.A, Position.P01,
                SubmitContextFixture.USCC, LocalDate.of(2024, 1, 1), CertificateStatus.VALID);
        var other = otherApplication(ApplicationType.RENEWAL, "W2026112000004").certificates(List.of(onA)).build();
        var firstIssueOfC3 = otherApplication(ApplicationType.FIRST_ISSUE, "W2026112000005").category(Category.C3)
                .build();
        assertCodes(renewal().otherApplications(other, firstIssueOfC3).check(rule));
    }

    @Test
    void everyBlockingApplicationIsReported() {
        var a = otherApplication(ApplicationType.TRANSFER_OUT, "W2026112000006").certificates(List.of(validC3()))
                .build();
        var b = otherApplication(ApplicationType.EMPLOYER_CHANGE, "W2026112000007").certificates(List.of(validC3()))
                .build();
        assertCodes(renewal().otherApplications(a, b).check(rule), "APPLICATION_IN_PROGRESS",
                "APPLICATION_IN_PROGRESS");
    }
}
