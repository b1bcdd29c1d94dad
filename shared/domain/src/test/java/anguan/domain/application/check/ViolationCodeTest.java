package anguan.domain.application.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ViolationCodeTest {

    @Test
    void everyCodeOfDomainMdExists() {
        List<String> domainMd = List.of("PERSON_NOT_REGISTERED", "EMPLOYMENT_NOT_FOUND", "ENTERPRISE_REQUIRED",
                "ENTERPRISE_PHONE_INVALID", "CONSENT_REQUIRED", "POSITION_NOT_ALLOWED", "APPLICATION_IN_PROGRESS",
                "EXAM_NOT_PASSED", "CATEGORY_ALREADY_HELD", "CERTIFICATE_AT_OTHER_ENTERPRISE", "PHOTO_MISSING",
                "CERTIFICATE_NOT_FOUND", "CERTIFICATE_NOT_VALID", "RENEWAL_WINDOW_CLOSED",
                "CONTINUING_EDUCATION_MISSING", "NOTHING_TO_MOVE", "EXTERNAL_CERTIFICATE_NOT_FOUND",
                "EXTERNAL_NOT_TRANSFERRED_OUT", "EXTERNAL_IS_SHANGHAI", "EXTERNAL_EXPIRED", "CANCEL_REASON_REQUIRED");
        List<String> ours = Arrays.stream(ViolationCode.values()).map(ViolationCode::code).toList();
        assertTrue(ours.containsAll(domainMd), ours::toString);
    }

    @ParameterizedTest
    @EnumSource(ViolationCode.class)
    void everyCodeHasAChineseMessage(ViolationCode code) {
        assertTrue(code.defaultMessage().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp)
                == Character.UnicodeScript.HAN), code::name);
    }

    @Test
    void aViolationCarriesTheCodeTheFieldAndTheMessage() {
        var v = ViolationCode.EXAM_NOT_PASSED.violation("category");
        assertEquals("EXAM_NOT_PASSED", v.code());
        assertEquals("category", v.field());
        assertEquals("未查询到近12个月内该类别的初证考试通过信息，请通过考试后再申请", v.message());
        assertEquals("另说", ViolationCode.EXAM_NOT_PASSED.violation("category", "另说").message());
    }
}
