package anguan.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LicenceIdTest {
    /** DOMAIN.md's worked example. */
    private static final String EXAMPLE = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S";
    private static final String ISSUER = "11430000006122244L";

    @Test
    void theWorkedExampleVerifies() {
        assertTrue(LicenceId.isValid(EXAMPLE));
    }

    @Test
    void theCheckCharacterOfTheWorkedExampleIsS() {
        assertEquals('S', LicenceId.checkCharacter("11100000000013338W011.11430000006122244L.20230000403.002"));
        assertEquals('S', LicenceId.checkCharacter("11100000000013338W01111430000006122244L20230000403002"));
    }

    @Test
    void theWorkedExampleIsWhatOfBuilds() {
        assertEquals(EXAMPLE, LicenceId.of(ISSUER, CertificateNumber.shanghai(Category.C3, 2023, 403), 2));
    }

    @Test
    void theFirstVersionIsZeroZeroOne() {
        String id = LicenceId.of("91350100M000100Y43", CertificateNumber.shanghai(Category.A, 2026, 1), 1);
        assertTrue(id.startsWith("1.2.156.3005.2.11100000000013338W011.91350100M000100Y43.20260000001.001."), id);
        assertTrue(LicenceId.isValid(id));
    }

    @Test
    void everyVersionOfANumberVerifies() {
        CertificateNumber no = CertificateNumber.shanghai(Category.B, 2027, 9_999_999);
        for (int version = 1; version <= 999; version++) {
            assertTrue(LicenceId.isValid(LicenceId.of(ISSUER, no, version)), "version " + version);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.T",
            "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000404.002.S",
            "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.003.S",
            "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.02.S",
            "1.2.156.3005.2.11100000000013338W012.11430000006122244L.20230000403.002.S",
            "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.s",
            "11100000000013338W011.11430000006122244L.20230000403.002.S",
            ""})
    void aChangedOrMisshapenIdentifierDoesNotVerify(String id) {
        assertFalse(LicenceId.isValid(id));
    }

    @Test
    void nullDoesNotVerify() {
        assertFalse(LicenceId.isValid(null));
    }

    @Test
    void anInvalidIssuerOrVersionIsRefused() {
        CertificateNumber no = CertificateNumber.shanghai(Category.C3, 2023, 403);
        assertThrows(IllegalArgumentException.class, () -> LicenceId.of("11430000006122244A", no, 1));
        assertThrows(IllegalArgumentException.class, () -> LicenceId.of(ISSUER, no, 0));
        assertThrows(IllegalArgumentException.class, () -> LicenceId.of(ISSUER, no, 1000));
    }

    @Test
    void aCharacterOutsideTheAlphabetHasNoCheckCharacter() {
        assertThrows(IllegalArgumentException.class, () -> LicenceId.checkCharacter("1110a"));
    }
}
