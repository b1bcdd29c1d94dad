package anguan.domain.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {
    private static final String SAMPLE = "11010519491231002X";
    private static final String MAN = "310101199001011234";
    private static final String WOMAN = "310101199001011242";

    @ParameterizedTest
    @ValueSource(strings = {SAMPLE, MAN, WOMAN, "310101200002290023"})
    void wellFormedNumbersAreValid(String idNo) {
        assertTrue(IdNumber.isValid(idNo));
    }

    @Test
    void theCheckCharacterXIsAcceptedInUppercaseOnly() {
        assertTrue(IdNumber.isValid(SAMPLE));
        assertFalse(IdNumber.isValid("11010519491231002x"));
        assertTrue(IdNumber.isValid(IdNumber.normalize(" 11010519491231002x ")));
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        assertFalse(IdNumber.isValid("310101199001011235"));
        assertFalse(IdNumber.isValid("110105194912310021"));
    }

    @Test
    void aBirthDateThatDoesNotExistIsRefusedEvenWithTheRightCheckDigit() {
        assertFalse(IdNumber.isValid("310101194902301236")); // 1949-02-30, check digit 6 is right
        assertFalse(IdNumber.isValid("310101190002290027")); // 1900 was no leap year
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11010519491231002", "11010519491231002X1", "1101051949123100AX", "X10105194912310021"})
    void anythingButSeventeenDigitsAndACheckCharacterIsRefused(String idNo) {
        assertFalse(IdNumber.isValid(idNo));
    }

    @Test
    void nullIsNotValidAndNormalizesToNull() {
        assertFalse(IdNumber.isValid(null));
        assertNull(IdNumber.normalize(null));
    }

    @Test
    void theSeventeenthDigitGivesTheGender() {
        assertEquals(Gender.M, IdNumber.gender(MAN)); // 3
        assertEquals(Gender.F, IdNumber.gender(WOMAN)); // 4
        assertEquals(Gender.F, IdNumber.gender(SAMPLE)); // 2
    }

    @Test
    void digitsSevenToFourteenGiveTheBirthDate() {
        assertEquals(LocalDate.of(1949, 12, 31), IdNumber.birthDate(SAMPLE));
        assertEquals(LocalDate.of(2000, 2, 29), IdNumber.birthDate("310101200002290023"));
    }

    @Test
    void genderAndBirthDateOfAnInvalidNumberAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> IdNumber.gender("310101199001011235"));
        assertThrows(IllegalArgumentException.class, () -> IdNumber.birthDate("310101194902301236"));
    }

    @Test
    void anIdCardMustPassTheChecksum() {
        assertTrue(IdNumber.isAcceptable(IdType.ID_CARD, SAMPLE));
        assertFalse(IdNumber.isAcceptable(IdType.ID_CARD, "310101199001011235"));
        assertFalse(IdNumber.isAcceptable(IdType.ID_CARD, "E12345678"));
    }

    @ParameterizedTest
    @EnumSource(value = IdType.class, names = "ID_CARD", mode = EnumSource.Mode.EXCLUDE)
    void otherDocumentsCarryNoChecksum(IdType type) {
        assertTrue(IdNumber.isAcceptable(type, "E12345678"));
        assertTrue(IdNumber.isAcceptable(type, "H1234567(8)"));
        assertTrue(IdNumber.isAcceptable(type, "A1234"));
        assertTrue(IdNumber.isAcceptable(type, "A".repeat(30)));
        assertTrue(IdNumber.isAcceptable(type, "12-34567"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A123", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "E 12345678", "E12345678/1", "护照123456"})
    void otherDocumentsMustBeFiveToThirtyLettersDigitsParenthesesOrHyphens(String idNo) {
        assertFalse(IdNumber.isAcceptable(IdType.PASSPORT, idNo));
    }

    @Test
    void nothingIsAcceptableWithoutTypeOrNumber() {
        assertFalse(IdNumber.isAcceptable(null, SAMPLE));
        assertFalse(IdNumber.isAcceptable(IdType.PASSPORT, null));
    }

    @Test
    void theCheckCharacterIsAppendedToSeventeenDigits() {
        assertEquals("11010519491231002X", IdNumber.withCheckCharacter("11010519491231002"));
        assertThrows(IllegalArgumentException.class, () -> IdNumber.withCheckCharacter("1101051949123100"));
        assertThrows(IllegalArgumentException.class, () -> IdNumber.withCheckCharacter("1101051949123100A"));
    }
}
