package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.OTHER_USCC;
import static anguan.domain.application.check.SubmitContextFixture.USCC;
import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.certificate;
import static anguan.domain.application.check.SubmitContextFixture.firstIssue;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static anguan.domain.application.check.SubmitContextFixture.transferIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NoValidCertificateAtOtherEnterpriseTest {
    private static final String B_NO = "沪建安B（2025）0000042";
    private final NoValidCertificateAtOtherEnterprise rule = new NoValidCertificateAtOtherEnterprise();

    @Test
    void aCertificateOfAnotherCategoryAtTheSameEnterprisePasses() {
        assertCodes(firstIssue().certificates(b(USCC, CertificateStatus.VALID)).check(rule));
    }

    @Test
    void aValidCertificateOfAnotherCategoryElsewhereIsNamed() {
        var violation = only(firstIssue().certificates(b(OTHER_USCC, CertificateStatus.VALID)).check(rule));
        assertEquals("CERTIFICATE_AT_OTHER_ENTERPRISE", violation.code());
        assertTrue(violation.message().contains(B_NO), violation.message());
    }

    @Test
    void aCertificateElsewhereThatIsNoLongerValidDoesNotCount() {
        assertCodes(firstIssue().certificates(b(OTHER_USCC, CertificateStatus.CANCELLED)).check(rule));
        Certificate ended = certificate(B_NO, Category.B, Position.P07, OTHER_USCC, LocalDate.of(2023, 1, 1),
                CertificateStatus.VALID);
        assertCodes(firstIssue().certificates(ended).check(rule));
    }

    @Test
    void anACertificateHeldAsLegalRepresentativeElsewhereIsExempt() {
        assertCodes(firstIssue().certificates(a(Position.P01)).check(rule));
    }

    @Test
    void anACertificateHeldInAnotherPositionElsewhereIsNot() {
        assertCodes(firstIssue().certificates(a(Position.P02)).check(rule), "CERTIFICATE_AT_OTHER_ENTERPRISE");
    }

    @Test
    void applyingForAnACertificateAsLegalRepresentativeDoesNotExcuseACertificateElsewhere() {
        var violation = only(firstIssue().with(x -> x.category(Category.A).position(Position.P01))
                .certificates(b(OTHER_USCC, CertificateStatus.VALID)).check(rule));
        assertEquals("CERTIFICATE_AT_OTHER_ENTERPRISE", violation.code());
        assertTrue(violation.message().contains(B_NO), violation.message());
    }

    @Test
    void anACertificateHeldAsLegalRepresentativeElsewhereIsExemptWhateverIsAppliedFor() {
        assertCodes(firstIssue().with(x -> x.category(Category.B).position(Position.P07)).certificates(a(Position.P01))
                .check(rule));
    }

    @Test
    void applyingForAnACertificateInAnotherPositionIsNotExempt() {
        assertCodes(firstIssue().with(x -> x.category(Category.A).position(Position.P06))
                .certificates(b(OTHER_USCC, CertificateStatus.VALID)).check(rule), "CERTIFICATE_AT_OTHER_ENTERPRISE");
    }

    @Test
    void theSameCategoryElsewhereIsLeftToCategoryNotAlreadyHeld() {
        Certificate c3Elsewhere = certificate("沪建安C3（2025）0000001", Category.C3, Position.P08, OTHER_USCC,
                LocalDate.of(2025, 1, 1), CertificateStatus.VALID);
        assertCodes(firstIssue().certificates(c3Elsewhere).check(rule));
    }

    @Test
    void aTransferInMakesTheSamePledge() {
        assertCodes(transferIn().certificates(b(OTHER_USCC, CertificateStatus.VALID)).check(rule),
                "CERTIFICATE_AT_OTHER_ENTERPRISE");
    }

    private static Certificate b(String uscc, CertificateStatus status) {
        return certificate(B_NO, Category.B, Position.P07, uscc, LocalDate.of(2025, 1, 1), status);
    }

    private static Certificate a(Position position) {
        return certificate("沪建安A（2025）0000007", Category.A, position, OTHER_USCC, LocalDate.of(2025, 1, 1),
                CertificateStatus.VALID);
    }
}
