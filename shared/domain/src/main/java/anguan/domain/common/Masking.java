package anguan.domain.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 脱敏: how ID numbers, mobiles and public names appear in API responses (everywhere except the
 * person's own {@code GET /me}). Documents carry the full values and never go through here.
 */
public final class Masking {
    private static final int MASK = '*';
    /** Resident ID numbers of 18 characters and the old ones of 15 digits, wherever they stand in a text. */
    private static final Pattern ID_NUMBER_SHAPE = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");
    private static final Pattern MOBILE_SHAPE = Pattern.compile("(?<!\\d)1\\d{10}(?!\\d)");

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
     * A name as the public verification shows it (证书核验, DOMAIN.md: {@code 张*}): the first character
     * and a single {@code *}, however long the name, so a stranger holding the certificate does not even
     * learn how many characters the name has ({@code 陈子莲 → 陈*}, {@code 欧阳修 → 欧*}). Unlike
     * {@link #name}, which keeps the length for the parties who know the person anyway. A name of one
     * character would be shown whole, so it becomes {@code *} alone.
     */
    public static String publicName(String name) {
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.codePointCount(0, stripped.length()) <= 1) {
            return "*";
        }
        return Character.toString(stripped.codePointAt(0)) + "*";
    }

    /**
     * A value a client sent, as an error message may echo it back: every run of it shaped like an ID
     * number or a mobile is masked (a shifted column puts one into another field, a one-digit typo of
     * a real ID is the ID), since every response masks those; the rest as sent.
     */
    public static String echoed(String raw) {
        if (raw == null) {
            return null;
        }
        String ids = ID_NUMBER_SHAPE.matcher(raw).replaceAll(m -> Matcher.quoteReplacement(idNumber(m.group())));
        return MOBILE_SHAPE.matcher(ids).replaceAll(m -> Matcher.quoteReplacement(mobile(m.group())));
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
