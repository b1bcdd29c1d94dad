package anguan.domain.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationNumberTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @Test
    void theDaysFirstApplicationIsNumberOne() {
        assertEquals("W2026112700001", ApplicationNumber.format(DAY, 1));
    }

    @Test
    void theLastNumberOfADayIs99999() {
        String last = ApplicationNumber.format(DAY, 99_999);
        assertEquals("W2026112799999", last);
        assertEquals(14, last.length());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 100_000})
    void aSerialOutsideOneTo99999IsRefused(long serial) {
        assertThrows(IllegalArgumentException.class, () -> ApplicationNumber.format(DAY, serial));
    }

    @ParameterizedTest
    @ValueSource(strings = {"W2026112700001", "W2028022999999"})
    void wellFormedNumbersAreValid(String no) {
        assertTrue(ApplicationNumber.isValid(no));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "w2026112700001", "W202611270001", "W20261127000001", "W2026112700000",
            "W2026023000001", "W2027022900001", "X2026112700001", "W2026-11-2701"})
    void anythingElseIsNotAnApplicationNumber(String no) {
        assertFalse(ApplicationNumber.isValid(no));
    }

    @Test
    void nullIsNotAnApplicationNumber() {
        assertFalse(ApplicationNumber.isValid(null));
    }
}
