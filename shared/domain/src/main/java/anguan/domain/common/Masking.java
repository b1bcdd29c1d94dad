package anguan.domain.common;

/**
 * 脱敏: how ID numbers, mobiles and public names appear in API responses (everywhere except the
 * person's own {@code GET /me}). Documents carry the full values and never go through here.
 */
public final class Masking {
    private static final int MASK = '*';

    private Masking() {
    }

    /** Keeps the first 2 and last 2 characters: {@code 11010519491231002X → 11**************2X}. */
    public static String idNumber(String idNo) {
        return keep(idNo, 2, 2);
    }

    /** Keeps the first 3 and last 2 digits: {@code 13812345678 → 138******78}. */
    public static String mobile(String mobile) {
        return keep(mobile, 3, 2);
    }

    /** Keeps the first character of a name: {@code 张三 → 张*}, {@code 欧阳修 → 欧**}. */
    public static String name(String name) {
        return keep(name, 1, 0);
    }

    /**
     * Works on code points so a rare character outside the BMP counts as one. A value too short to
     * hide anything between the kept ends is masked whole rather than shown whole.
     */
    private static String keep(String value, int first, int last) {
        if (value == null) {
            return null;
        }
        int[] cps = value.codePoints().toArray();
        boolean tooShort = cps.length <= first + last && last > 0;
        StringBuilder masked = new StringBuilder(value.length());
        for (int i = 0; i < cps.length; i++) {
            boolean shown = !tooShort && (i < first || i >= cps.length - last);
            masked.appendCodePoint(shown ? cps[i] : MASK);
        }
        return masked.toString();
    }
}
