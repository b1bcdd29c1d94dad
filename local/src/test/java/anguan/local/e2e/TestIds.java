package anguan.local.e2e;

import anguan.domain.enterprise.Uscc;
import anguan.domain.person.IdNumber;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid identifiers for each test, so tests never see each other's data. */
final class TestIds {
    private TestIds() {
    }

    /** A resident ID number of someone born on a random day of 1970–1995. */
    static String idNo() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(r.nextInt(9000));
        return IdNumber.withCheckCharacter("310104" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000)));
    }

    static String birthDate(String idNo) {
        return IdNumber.birthDate(idNo).toString();
    }

    static String gender(String idNo) {
        return IdNumber.gender(idNo).name();
    }

    static String uscc() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder first17 = new StringBuilder("9131010");
        for (int i = 0; i < 10; i++) {
            first17.append(r.nextInt(10));
        }
        return Uscc.withCheckCharacter(first17.toString());
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
