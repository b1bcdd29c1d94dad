package anguan.domain.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 公民身份号码 (GB 11643): 6 digits of region, 8 of birth date, 3 of sequence (the last of them odd
 * for men), and a check character computed over the first 17.
 */
public final class IdNumber {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    /** Passports and travel permits carry no checksum; this only keeps obvious garbage out. */
    private static final Pattern OTHER_DOCUMENT = Pattern.compile("[A-Za-z0-9()\\-]{5,30}");
    /** STRICT with 'uuuu' so that 19490230 is refused instead of being clamped to 02-28. */
    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdNumber() {
    }

    /**
     * Whether this is a well-formed resident ID number: 17 digits, a real birth date in digits 7-14,
     * and the right check character. Only an uppercase {@code X} is accepted: {@link #normalize} first.
     */
    public static boolean isValid(String idNo) {
        if (idNo == null || !SHAPE.matcher(idNo).matches()) {
            return false;
        }
        return parseBirthDate(idNo) != null && checkCharacter(idNo) == idNo.charAt(17);
    }

    /** Trimmed, with a lowercase check character {@code x} made uppercase; null stays null. */
    public static String normalize(String idNo) {
        return idNo == null ? null : idNo.strip().toUpperCase(Locale.ROOT);
    }

    /** The gender the 17th digit encodes: odd for men. */
    public static Gender gender(String idNo) {
        requireValid(idNo);
        return (idNo.charAt(16) - '0') % 2 == 1 ? Gender.M : Gender.F;
    }

    /** The birth date in digits 7-14. */
    public static LocalDate birthDate(String idNo) {
        requireValid(idNo);
        return parseBirthDate(idNo);
    }

    /**
     * Whether the registry may store this document number for this document type: a resident ID card
     * must pass {@link #isValid}; the other documents (护照, 通行证, 军官证) carry no checksum, so 5 to 30
     * letters, digits, parentheses or hyphens are accepted.
     */
    public static boolean isAcceptable(IdType type, String idNo) {
        if (type == null || idNo == null) {
            return false;
        }
        return type == IdType.ID_CARD ? isValid(idNo) : OTHER_DOCUMENT.matcher(idNo).matches();
    }

    /**
     * The full number for its first 17 digits (region, birth date, sequence): appends the check
     * character. Used where valid numbers are made, such as demo and test data.
     */
    public static String withCheckCharacter(String first17) {
        if (first17 == null || !first17.matches("\\d{17}")) {
            throw new IllegalArgumentException("an ID number starts with 17 digits");
        }
        return first17 + checkCharacter(first17);
    }

    private static char checkCharacter(String idNo) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (idNo.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static LocalDate parseBirthDate(String idNo) {
        try {
            return LocalDate.parse(idNo.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static void requireValid(String idNo) {
        if (!isValid(idNo)) {
            throw new IllegalArgumentException("not a valid resident ID number");
        }
    }
}
