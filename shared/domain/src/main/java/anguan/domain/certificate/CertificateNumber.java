package anguan.domain.certificate;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 证书编号: province abbreviation + 建安 + category + （year of issue） + 7-digit serial per category
 * and year, e.g. {@code 沪建安C3（2026）0000001}. Stored and printed with full-width parentheses, as on
 * the e-certificate; half-width ones are accepted on input.
 *
 * @param province the province's one-character abbreviation, {@code 沪} for Shanghai
 */
public record CertificateNumber(String province, Category category, int year, int serial) {
    public static final String SHANGHAI = "沪";

    /**
     * The provinces' abbreviations, with the second forms some provinces also print (黔 贵, 滇 云,
     * 蜀 川, 陇 甘, 秦 陕) and 兵 for the 新疆生产建设兵团, so a national record is never refused for its prefix.
     */
    static final Set<String> PROVINCES = Set.of(
            "京", "津", "冀", "晋", "蒙", "辽", "吉", "黑", "沪", "苏", "浙", "皖", "闽", "赣", "鲁", "豫", "鄂",
            "湘", "粤", "桂", "琼", "渝", "川", "蜀", "贵", "黔", "云", "滇", "藏", "陕", "秦", "甘", "陇", "青",
            "宁", "新", "港", "澳", "台", "兵");
    private static final Pattern NUMBER =
            Pattern.compile("(\\p{IsHan})建安(A|B|C1|C2|C3)[（(](\\d{4})[）)](\\d{7})");
    private static final int MAX_SERIAL = 9_999_999;
    /** The pattern lets any four digits through; the constructor takes only a year from 1000. */
    private static final int FIRST_YEAR = 1000;

    public CertificateNumber {
        if (province == null || !PROVINCES.contains(province)) {
            throw new IllegalArgumentException("unknown province abbreviation: " + province);
        }
        if (category == null) {
            throw new IllegalArgumentException("category is required");
        }
        if (year < FIRST_YEAR || year > 9999) {
            throw new IllegalArgumentException("year must have 4 digits: " + year);
        }
        if (serial < 1 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("serial must be 1.." + MAX_SERIAL + ": " + serial);
        }
    }

    /** A new Shanghai number. */
    public static CertificateNumber shanghai(Category category, int year, int serial) {
        return new CertificateNumber(SHANGHAI, category, year, serial);
    }

    /**
     * Reads a number typed or fed in either parenthesis width, with surrounding spaces and a
     * lowercase category letter forgiven; empty when it is not a certificate number (never throws:
     * whatever a client sends ends here).
     */
    public static Optional<CertificateNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches() || !PROVINCES.contains(m.group(1))) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(3));
        int serial = Integer.parseInt(m.group(4));
        if (year < FIRST_YEAR || serial < 1) {
            return Optional.empty();
        }
        return Optional.of(new CertificateNumber(m.group(1), Category.valueOf(m.group(2)), year, serial));
    }

    /**
     * The stored form of a number (full-width parentheses), or the trimmed input unchanged when it
     * is not a certificate number, so that lookups of odd legacy values still match themselves.
     */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        return parse(text).map(CertificateNumber::format).orElse(text.strip());
    }

    /** The printed form: {@code 沪建安C3（2026）0000001}. */
    public String format() {
        return "%s建安%s（%04d）%07d".formatted(province, category.code(), year, serial);
    }

    public boolean isShanghai() {
        return SHANGHAI.equals(province);
    }

    @Override
    public String toString() {
        return format();
    }
}
