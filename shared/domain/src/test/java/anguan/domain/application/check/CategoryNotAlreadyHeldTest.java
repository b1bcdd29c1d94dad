package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.C3_NO;
import static anguan.domain.application.check.SubmitContextFixture.USCC;
import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.certificate;
import static anguan.domain.application.check.SubmitContextFixture.firstIssue;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static anguan.domain.application.check.SubmitContextFixture.transferIn;
import static anguan.domain.application.check.SubmitContextFixture.validC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CategoryNotAlreadyHeldTest {
    private final CategoryNotAlreadyHeld rule = new CategoryNotAlreadyHeld();

    @Test
    void noCertificateOfTheCategoryPasses() {
        assertCodes(firstIssue().certificates(c(Category.C1, CertificateStatus.VALID)).check(rule));
    }

    @Test
    void aValidCertificateOfTheSameCategoryIsNamed() {
        var violation = only(firstIssue().certificates(validC3()).check(rule));
        assertEquals("CATEGORY_ALREADY_HELD", violation.code());
        assertTrue(violation.message().contains(C3_NO), violation.message());
    }

    @ParameterizedTest
    @EnumSource(value = CertificateStatus.class, names = "VALID", mode = EnumSource.Mode.EXCLUDE)
    void aCertificateOfTheCategoryThatIsNoLongerValidDoesNotCount(CertificateStatus status) {
        assertCodes(firstIssue().certificates(c(Category.C3, status)).check(rule));
    }

    @Test
    void aCertificateStoredValidPastItsEndDateCountsAsExpired() {
        Certificate ended = certificate(C3_NO, Category.C3, Position.P08, USCC, LocalDate.of(2023, 11, 27),
                CertificateStatus.VALID); // valid to 2026-11-26, the day before TODAY
        assertCodes(firstIssue().certificates(ended).check(rule));
    }

    @Test
    void aTransferInIsJudgedOnTheNationalRecordsCategory() {
        assertCodes(transferIn().certificates(c(Category.C1, CertificateStatus.VALID)).check(rule),
                "CATEGORY_ALREADY_HELD");
    }

    private static Certificate c(Category category, CertificateStatus status) {
        return certificate("沪建安" + category + "（2025）0000005", category,
                category == Category.A ? Position.P02 : category == Category.B ? Position.P07 : Position.P08,
                USCC, LocalDate.of(2025, 1, 1), status);
    }
}
