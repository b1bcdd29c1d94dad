package anguan.domain.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.testing.Gen;
import anguan.domain.testing.Property;
import anguan.domain.testing.Substitution;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GB 32100 for any code: every code with its check character is valid, and no one-character typo is. */
class UsccPropertyTest {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int TRIES = 300;

    static String anyUscc(Random random) {
        return Uscc.withCheckCharacter(Gen.chars(random, ALPHABET, 17));
    }

    @Test
    void everyCodeWithItsCheckCharacterIsValidAndNormalizesToItself() {
        Property.forAll(TRIES, UsccPropertyTest::anyUscc, uscc -> {
            assertTrue(Uscc.isValid(uscc));
            assertEquals(uscc, Uscc.normalize(uscc));
            assertEquals(uscc, Uscc.normalize("  " + uscc.toLowerCase(Locale.ROOT) + " "));
        });
    }

    @Test
    void everyOneCharacterSubstitutionIsRefused() {
        Property.forAll(TRIES, UsccPropertyTest::anyUscc, uscc -> {
            for (Substitution typo : Substitution.allOf(uscc, ALPHABET)) {
                assertFalse(Uscc.isValid(typo.text()), typo.toString());
            }
        });
    }
}
