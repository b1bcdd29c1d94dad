package anguan.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValidityTest {

    @Test
    void aCertificateIsValidThreeYearsLessADay() {
        assertEquals(LocalDate.of(2027, 4, 30), Validity.validTo(LocalDate.of(2024, 5, 1)));
        assertEquals(LocalDate.of(2029, 1, 1), Validity.validTo(LocalDate.of(2026, 1, 2)));
    }

    @Test
    void aCertificateStartingOnALeapDayEndsOnTheTwentySeventhOfFebruary() {
        assertEquals(LocalDate.of(2031, 2, 27), Validity.validTo(LocalDate.of(2028, 2, 29)));
    }

    @Test
    void theRenewalWindowOpensThreeMonthsBeforeTheEnd() {
        assertEquals(LocalDate.of(2026, 9, 30), Validity.renewalWindowOpens(LocalDate.of(2026, 12, 30)));
    }

    @Test
    void aWindowEndingOnAMonthEndOpensOnTheLastDayOfTheShorterMonth() {
        assertEquals(LocalDate.of(2027, 2, 28), Validity.renewalWindowOpens(LocalDate.of(2027, 5, 31)));
        assertEquals(LocalDate.of(2028, 2, 29), Validity.renewalWindowOpens(LocalDate.of(2028, 5, 31)));
        assertEquals(LocalDate.of(2030, 11, 27), Validity.renewalWindowOpens(LocalDate.of(2031, 2, 27)));
    }

    @Test
    void theWindowIncludesBothEnds() {
        LocalDate validTo = LocalDate.of(2026, 12, 30);
        assertFalse(Validity.isRenewalWindowOpen(validTo, LocalDate.of(2026, 9, 29)));
        assertTrue(Validity.isRenewalWindowOpen(validTo, LocalDate.of(2026, 9, 30)));
        assertTrue(Validity.isRenewalWindowOpen(validTo, LocalDate.of(2026, 11, 15)));
        assertTrue(Validity.isRenewalWindowOpen(validTo, validTo));
        assertFalse(Validity.isRenewalWindowOpen(validTo, LocalDate.of(2026, 12, 31)));
    }

    @Test
    void renewalIsRefusedFourMonthsBeforeExpiry() {
        assertFalse(Validity.isRenewalWindowOpen(LocalDate.of(2026, 12, 30), LocalDate.of(2026, 8, 30)));
    }

    @Test
    void aRenewedCertificateCarriesOnTheNextDay() {
        assertEquals(LocalDate.of(2027, 1, 1), Validity.renewedValidFrom(LocalDate.of(2026, 12, 31)));
        assertEquals(LocalDate.of(2028, 2, 29), Validity.renewedValidFrom(LocalDate.of(2028, 2, 28)));
        assertEquals(LocalDate.of(2030, 2, 28), Validity.validTo(Validity.renewedValidFrom(LocalDate.of(2027, 2, 28))));
    }

    @Test
    void aCertificateStoredValidPastItsEndDateIsExpired() {
        var c = new Certificate("沪建安C3（2023）0000001", "11010519491231002X", "张三", Category.C3, Position.P08,
                "91350100M000100Y43", "某企业", LocalDate.of(2023, 12, 31), LocalDate.of(2023, 12, 31),
                LocalDate.of(2026, 12, 30), CertificateStatus.VALID, null, 1, null, null);
        assertEquals(CertificateStatus.VALID, c.effectiveStatus(LocalDate.of(2026, 12, 30)));
        assertEquals(CertificateStatus.EXPIRED, c.effectiveStatus(LocalDate.of(2026, 12, 31)));
    }
}
