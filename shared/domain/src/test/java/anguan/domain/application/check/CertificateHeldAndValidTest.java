package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.C3_FROM;
import static anguan.domain.application.check.SubmitContextFixture.C3_NO;
import static anguan.domain.application.check.SubmitContextFixture.OTHER_ID_NO;
import static anguan.domain.application.check.SubmitContextFixture.USCC;
import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.cancellation;
import static anguan.domain.application.check.SubmitContextFixture.certificate;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static anguan.domain.application.check.SubmitContextFixture.renewal;
import static anguan.domain.application.check.SubmitContextFixture.transferOut;
import static anguan.domain.application.check.SubmitContextFixture.validC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateHeldAndValidTest {
    private final CertificateHeldAndValid rule = new CertificateHeldAndValid();

    @Test
    void anOwnValidCertificatePasses() {
        assertCodes(renewal().check(rule));
        assertCodes(transferOut().check(rule));
        assertCodes(cancellation().check(rule));
    }

    @Test
    void noCertificatePickedIsAskedFor() {
        var violation = only(transferOut().with(a -> a.certificates(List.of())).check(rule));
        assertEquals("CERTIFICATE_NOT_FOUND", violation.code());
        assertEquals("certificateNo", violation.field());
    }

    @Test
    void someoneElsesCertificateIsNotFound() {
        Certificate theirs = new Certificate(C3_NO, OTHER_ID_NO, "李四", Category.C3, Position.P08, USCC, "某企业",
                C3_FROM, C3_FROM, LocalDate.of(2026, 12, 30), CertificateStatus.VALID, null, 1, null, null);
        assertCodes(transferOut().certificates(theirs).check(rule), "CERTIFICATE_NOT_FOUND");
    }

    @Test
    void theCurrentRecordCountsNotThePrefilledCopy() {
        Certificate suspended = certificate(C3_NO, Category.C3, Position.P08, USCC, C3_FROM,
                CertificateStatus.SUSPENDED);
        var violation = only(cancellation().certificates(suspended).check(rule));
        assertEquals("CERTIFICATE_NOT_VALID", violation.code());
        assertTrue(violation.message().contains("暂扣"), violation.message());
        assertTrue(violation.message().contains("证书注销"), violation.message());
    }

    @Test
    void aCertificateStoredValidPastItsEndDateIsExpired() {
        var violation = only(renewal().today(LocalDate.of(2026, 12, 31)).check(rule));
        assertEquals("CERTIFICATE_NOT_VALID", violation.code());
        assertTrue(violation.message().contains("失效"), violation.message());
    }

    @Test
    void theLastDayOfValidityIsStillValid() {
        assertCodes(renewal().today(LocalDate.of(2026, 12, 30)).check(rule));
    }

    @Test
    void aNumberPickedWithHalfWidthParenthesesIsFound() {
        Certificate typed = certificate("沪建安C3(2023)0000001", Category.C3, Position.P08, USCC, C3_FROM,
                CertificateStatus.VALID);
        assertCodes(transferOut().with(a -> a.certificates(List.of(typed))).certificates(validC3()).check(rule));
    }
}
