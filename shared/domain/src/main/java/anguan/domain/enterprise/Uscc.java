package anguan.domain.enterprise;

import java.util.Locale;

/**
 * 统一社会信用代码 (GB 32100): 18 characters from a 31-letter alphabet without I, O, S, V and Z,
 * the last one a check character over the first 17.
 */
public final class Uscc {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int LENGTH = 18;

    private Uscc() {
    }

    /**
     * Whether the code has 18 characters of the alphabet and the right check character. The
     * registration authority and organisation code inside are deliberately not checked (DOMAIN.md).
     */
    public static boolean isValid(String uscc) {
        if (uscc == null || uscc.length() != LENGTH || ALPHABET.indexOf(uscc.charAt(LENGTH - 1)) < 0) {
            return false;
        }
        int check = checkCharacter(uscc.substring(0, LENGTH - 1));
        return check >= 0 && ALPHABET.charAt(check) == uscc.charAt(LENGTH - 1);
    }

    /**
     * The full code for its first 17 characters: appends the check character. Used where valid
     * codes are made, such as demo and test data.
     */
    public static String withCheckCharacter(String first17) {
        int check = first17 == null || first17.length() != LENGTH - 1 ? -1 : checkCharacter(first17);
        if (check < 0) {
            throw new IllegalArgumentException("a USCC starts with 17 characters of " + ALPHABET);
        }
        return first17 + ALPHABET.charAt(check);
    }

    /** The check character's value for the first 17 characters, or -1 when one is outside the alphabet. */
    private static int checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                return -1;
            }
            sum += value * WEIGHTS[i];
        }
        return (31 - sum % 31) % 31;
    }

    /** Trimmed and uppercase; null stays null. */
    public static String normalize(String uscc) {
        return uscc == null ? null : uscc.strip().toUpperCase(Locale.ROOT);
    }
}
