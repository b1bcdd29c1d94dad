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
        if (uscc == null || uscc.length() != LENGTH) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            int value = ALPHABET.indexOf(uscc.charAt(i));
            if (value < 0) {
                return false;
            }
            if (i < WEIGHTS.length) {
                sum += value * WEIGHTS[i];
            }
        }
        return ALPHABET.charAt((31 - sum % 31) % 31) == uscc.charAt(LENGTH - 1);
    }

    /** Trimmed and uppercase; null stays null. */
    public static String normalize(String uscc) {
        return uscc == null ? null : uscc.strip().toUpperCase(Locale.ROOT);
    }
}
