package anguan.local.demo;

/**
 * Check characters of the identifiers the demo data needs valid (DOMAIN.md, Identifiers): the ID
 * number (GB 11643) and the unified social credit code (GB 32100). The functions check them; the
 * demo must pass those checks.
 */
final class Identifiers {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECKS = "10X98765432";
    private static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Identifiers() {
    }

    /** @param first17 region (6) + birth date yyyyMMdd (8) + sequence (3; odd last digit = male) */
    static String idNumber(String first17) {
        if (!first17.matches("\\d{17}")) {
            throw new IllegalArgumentException("an ID number starts with 17 digits: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return first17 + ID_CHECKS.charAt(sum % 11);
    }

    /** @param first17 registration authority, type, region (6) and organisation code (9) */
    static String uscc(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("a USCC starts with 17 characters: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = USCC_CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not allowed in a USCC");
            }
            sum += value * USCC_WEIGHTS[i];
        }
        return first17 + USCC_CHARSET.charAt((31 - sum % 31) % 31);
    }
}
