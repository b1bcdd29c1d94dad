package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.USCC;
import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.firstIssue;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.ApplicationEnterprise;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnterprisePhoneValidTest {
    private final EnterprisePhoneValid rule = new EnterprisePhoneValid();

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "19912345678", "021-12345678", "0571-1234567", " 021-12345678 "})
    void aMobileOrALandlineWithAreaCodePasses(String phone) {
        assertCodes(withPhone(phone).check(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "02112345678", "21-12345678", "021-123456", "021 12345678"})
    void anyOtherShapeIsRefused(String phone) {
        var violation = only(withPhone(phone).check(rule));
        assertEquals("ENTERPRISE_PHONE_INVALID", violation.code());
        assertEquals("enterprisePhone", violation.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aMissingPhoneIsAskedFor(String phone) {
        var violation = only(withPhone(phone).check(rule));
        assertEquals("ENTERPRISE_PHONE_INVALID", violation.code());
        assertTrue(violation.message().startsWith("请填写企业联系电话"));
    }

    private static SubmitContextFixture withPhone(String phone) {
        return firstIssue().with(a -> a.enterprise(new ApplicationEnterprise(USCC, "某企业", phone)));
    }
}
