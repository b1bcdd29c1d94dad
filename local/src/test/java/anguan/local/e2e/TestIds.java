package anguan.local.e2e;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid identifiers for each test, so tests never see each other's data. */
final class TestIds {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECKS = "10X98765432";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private TestIds() {
    }

    /** A resident ID number of someone born on a random day of 1970–1995. */
    static String idNo() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(r.nextInt(9000));
        String body = "310104" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECKS.charAt(sum % 11);
    }

    static String birthDate(String idNo) {
        return idNo.substring(6, 10) + "-" + idNo.substring(10, 12) + "-" + idNo.substring(12, 14);
    }

    static String gender(String idNo) {
        return (idNo.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    static String uscc() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder body = new StringBuilder("9131010");
        for (int i = 0; i < 10; i++) {
            body.append(r.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(body.charAt(i)) * USCC_WEIGHTS[i];
        }
        return body.append(USCC_CHARS.charAt((31 - sum % 31) % 31)).toString();
    }

    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A 沪 certificate number with a serial unlikely to be taken. */
    static String certificateNo(String category, int year) {
        return "沪建安" + category + "（" + year + "）" + String.format("%07d", ThreadLocalRandom.current().nextInt(1, 10_000_000));
    }

    /** A 1×1 PNG, the smallest photo the registry takes. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
}
