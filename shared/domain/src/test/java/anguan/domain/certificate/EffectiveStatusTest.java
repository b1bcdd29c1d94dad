package anguan.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DOMAIN.md: a VALID or SUSPENDED certificate whose end date has passed is EXPIRED wherever it is
 * shown or checked, whatever is stored; REVOKED, CANCELLED and TRANSFERRED_OUT keep their status.
 */
class EffectiveStatusTest {
    private static final LocalDate VALID_TO = LocalDate.of(2026, 12, 30);

    private static Certificate stored(CertificateStatus status) {
        return new Certificate("沪建安C3（2023）0000001", "11010519491231002X", "张三", Category.C3, Position.P08,
                "91350100M000100Y43", "某企业", LocalDate.of(2023, 12, 31), LocalDate.of(2023, 12, 31),
                VALID_TO, status, null, 1, null, null);
    }

    @ParameterizedTest
    @EnumSource(CertificateStatus.class)
    void onItsLastDayACertificateShowsTheStatusStored(CertificateStatus status) {
        assertEquals(status, stored(status).effectiveStatus(VALID_TO));
    }

    @ParameterizedTest
    @EnumSource(value = CertificateStatus.class, names = {"VALID", "SUSPENDED"})
    void aValidOrSuspendedCertificatePastItsEndIsExpired(CertificateStatus status) {
        assertEquals(CertificateStatus.EXPIRED, stored(status).effectiveStatus(VALID_TO.plusDays(1)));
    }

    @ParameterizedTest
    @EnumSource(value = CertificateStatus.class, names = {"REVOKED", "CANCELLED", "TRANSFERRED_OUT", "EXPIRED"})
    void aWithdrawnRevokedOrExpiredCertificateKeepsItsStatusPastItsEnd(CertificateStatus status) {
        assertEquals(status, stored(status).effectiveStatus(VALID_TO.plusYears(1)));
    }
}
