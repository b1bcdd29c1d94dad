package anguan.domain.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "11430000006122244L", "91310000MA1FL0000N"})
    void wellFormedCodesAreValid(String uscc) {
        assertTrue(Uscc.isValid(uscc));
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        assertFalse(Uscc.isValid("91350100M000100Y44"));
        assertFalse(Uscc.isValid("91350100M000100Y4A"));
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void lettersOutsideTheAlphabetAreRefusedAnywhere(char letter) {
        assertFalse(Uscc.isValid("91350100" + letter + "000100Y43"));
        assertFalse(Uscc.isValid("91350100M000100Y4" + letter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "91350100m000100Y43", " 91350100M000100Y43"})
    void anythingButEighteenCharactersOfTheAlphabetIsRefused(String uscc) {
        assertFalse(Uscc.isValid(uscc));
    }

    @Test
    void normalizingTrimsAndUppercases() {
        assertEquals("91350100M000100Y43", Uscc.normalize(" 91350100m000100y43 "));
        assertNull(Uscc.normalize(null));
        assertFalse(Uscc.isValid(null));
    }

    @Test
    void theCheckCharacterIsAppendedToSeventeenCharacters() {
        assertEquals("91350100M000100Y43", Uscc.withCheckCharacter("91350100M000100Y4"));
        assertThrows(IllegalArgumentException.class, () -> Uscc.withCheckCharacter("91350100M000100Y"));
        assertThrows(IllegalArgumentException.class, () -> Uscc.withCheckCharacter("91350100M000100I4"));
    }
}
