package anguan.domain.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.testing.Gen;
import anguan.domain.testing.Property;
import anguan.domain.testing.Substitution;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GB 11643 for any number, not only the samples: what a valid number says, and that no typo slips through. */
class IdNumberPropertyTest {
    private static final String ALPHABET = "0123456789X";
    private static final int TRIES = 200;

    record Holder(String idNo, LocalDate birthDate, Gender gender) {
    }

    static Holder anyHolder(Random random) {
        LocalDate birth = Gen.date(random, LocalDate.of(1900, 1, 1), LocalDate.of(2025, 12, 31));
        String sequence = Gen.digits(random, 3);
        String idNo = IdNumber.withCheckCharacter(Gen.digits(random, 6) + birth.toString().replace("-", "") + sequence);
        return new Holder(idNo, birth, (sequence.charAt(2) - '0') % 2 == 1 ? Gender.M : Gender.F);
    }

    @Test
    void everyNumberWithItsCheckCharacterIsValidAndTellsItsBirthDateAndGender() {
        Property.forAll(TRIES, IdNumberPropertyTest::anyHolder, h -> {
            assertTrue(IdNumber.isValid(h.idNo()));
            assertEquals(h.birthDate(), IdNumber.birthDate(h.idNo()));
            assertEquals(h.gender(), IdNumber.gender(h.idNo()));
            assertEquals(h.idNo(), IdNumber.normalize(h.idNo()));
            assertEquals(h.idNo(), IdNumber.normalize(" " + h.idNo().toLowerCase(Locale.ROOT) + "\t"));
        });
    }

    @Test
    void everyOneCharacterSubstitutionIsRefused() {
        Property.forAll(TRIES, IdNumberPropertyTest::anyHolder, h -> {
            for (Substitution typo : Substitution.allOf(h.idNo(), ALPHABET)) {
                assertFalse(IdNumber.isValid(typo.text()), typo.toString());
            }
        });
    }
}
