package anguan.domain.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/** Small generators for {@link Property}: characters of an alphabet, dates, any string at all. */
public final class Gen {
    private Gen() {
    }

    /** {@code length} characters drawn from {@code alphabet}. */
    public static String chars(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    public static String digits(Random random, int length) {
        return chars(random, "0123456789", length);
    }

    @SafeVarargs
    public static <T> T oneOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    public static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A day from {@code from} to {@code to}, both included. */
    public static LocalDate date(Random random, LocalDate from, LocalDate to) {
        return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
    }

    /**
     * Up to about {@code maxLength} UTF-16 units of anything: ASCII, controls, CJK, characters outside the
     * BMP and lone surrogates, in lumps, so that odd characters sit next to ordinary ones.
     */
    public static String anyString(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> out.append((char) random.nextInt(0x20, 0x7F));
                case 1 -> out.append((char) random.nextInt(0x00, 0x20));
                case 2 -> out.append((char) random.nextInt(0x4E00, 0x9FA6));
                case 3 -> out.appendCodePoint(random.nextInt(0x10000, 0x110000));
                case 4 -> out.append((char) random.nextInt(0xD800, 0xE000));
                default -> out.append((char) random.nextInt(0x80, 0x10000));
            }
        }
        return out.toString();
    }
}
