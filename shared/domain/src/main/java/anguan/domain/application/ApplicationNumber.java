package anguan.domain.application;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** 申请编号: {@code W} + yyyyMMdd + a 5-digit serial within the day, e.g. {@code W2026112700001}. */
public final class ApplicationNumber {
    public static final long MAX_DAILY_SERIAL = 99_999;

    private static final Pattern SHAPE = Pattern.compile("W(\\d{8})(\\d{5})");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private ApplicationNumber() {
    }

    /**
     * @param day the business day (Asia/Shanghai) the application was created
     * @param dailySerial 1 for the day's first application
     * @throws IllegalArgumentException when the serial is outside 1..99999 or the year has not 4 digits
     */
    public static String format(LocalDate day, long dailySerial) {
        if (dailySerial < 1 || dailySerial > MAX_DAILY_SERIAL) {
            throw new IllegalArgumentException("daily serial must be 1.." + MAX_DAILY_SERIAL + ": " + dailySerial);
        }
        if (day.getYear() < 1000 || day.getYear() > 9999) {
            throw new IllegalArgumentException("year must have 4 digits: " + day);
        }
        return "W" + day.format(DAY) + "%05d".formatted(dailySerial);
    }

    /** Whether this is W, a real date and a serial from 00001. */
    public static boolean isValid(String applicationNo) {
        if (applicationNo == null) {
            return false;
        }
        var m = SHAPE.matcher(applicationNo);
        if (!m.matches() || Long.parseLong(m.group(2)) < 1) {
            return false;
        }
        try {
            LocalDate.parse(m.group(1), DAY);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
