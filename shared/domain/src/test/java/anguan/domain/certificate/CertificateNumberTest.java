package anguan.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateNumberTest {
    private static final String FULL_WIDTH = "沪建安C3（2026）0000001";

    @ParameterizedTest
    @ValueSource(strings = {"沪建安C3（2026）0000001", "沪建安C3(2026)0000001", "沪建安C3（2026)0000001",
            "  沪建安C3(2026)0000001 ", "沪建安c3(2026)0000001"})
    void halfAndFullWidthParenthesesReadTheSame(String typed) {
        CertificateNumber no = CertificateNumber.parse(typed).orElseThrow();
        assertEquals(new CertificateNumber("沪", Category.C3, 2026, 1), no);
        assertEquals(FULL_WIDTH, no.format());
    }

    @Test
    void anOutOfProvinceNumberKeepsItsProvince() {
        CertificateNumber no = CertificateNumber.parse("鲁建安C1(2023)0012345").orElseThrow();
        assertEquals("鲁", no.province());
        assertEquals(Category.C1, no.category());
        assertEquals(2023, no.year());
        assertEquals(12345, no.serial());
        assertFalse(no.isShanghai());
        assertEquals("鲁建安C1（2023）0012345", no.format());
    }

    @Test
    void aShanghaiNumberIsPrintedFullWidthWithSevenDigits() {
        CertificateNumber no = CertificateNumber.shanghai(Category.A, 2026, 42);
        assertTrue(no.isShanghai());
        assertEquals("沪建安A（2026）0000042", no.format());
        assertEquals(Optional.of(no), CertificateNumber.parse(no.format()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "沪建安C4（2026）0000001", "沪建安C3（26）0000001", "沪建安C3（2026）000001",
            "沪建安C3（2026）00000001", "沪建安C3（2026）0000000", "X建安C3（2026）0000001", "山建安C3（2026）0000001",
            "沪建安C3【2026】0000001", "沪建安 C3（2026）0000001", "沪安C3（2026）0000001",
            "沪建安A（0999）0000001", "沪建安A(0000)0000001"})
    void anythingElseIsNotACertificateNumber(String text) {
        assertTrue(CertificateNumber.parse(text).isEmpty(), text);
    }

    @Test
    void normalizingPrintsFullWidthOrLeavesTheTrimmedInput() {
        assertEquals(FULL_WIDTH, CertificateNumber.normalize(" 沪建安C3(2026)0000001 "));
        assertEquals("LEGACY-001", CertificateNumber.normalize("  LEGACY-001 "));
        assertNull(CertificateNumber.normalize(null));
        assertTrue(CertificateNumber.parse(null).isEmpty());
    }

    @Test
    void aNumberCannotBeBuiltOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> CertificateNumber.shanghai(Category.C3, 2026, 0));
        assertThrows(IllegalArgumentException.class, () -> CertificateNumber.shanghai(Category.C3, 2026, 10_000_000));
        assertThrows(IllegalArgumentException.class, () -> CertificateNumber.shanghai(Category.C3, 999, 1));
        assertThrows(IllegalArgumentException.class, () -> CertificateNumber.shanghai(null, 2026, 1));
        assertThrows(IllegalArgumentException.class, () -> new CertificateNumber("山", Category.C3, 2026, 1));
    }
}
