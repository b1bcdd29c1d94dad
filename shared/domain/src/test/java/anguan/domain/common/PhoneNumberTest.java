package anguan.domain.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"13012345678", "13812345678", "19912345678"})
    void mobilesStartOneThreeToOneNine(String mobile) {
        assertTrue(PhoneNumber.isValidMobile(mobile));
        assertTrue(PhoneNumber.isValidEnterprisePhone(mobile));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "11812345678", "1381234567", "138123456789", "+8613812345678", "138-1234-5678"})
    void otherShapesAreNotMobiles(String mobile) {
        assertFalse(PhoneNumber.isValidMobile(mobile));
    }

    @ParameterizedTest
    @ValueSource(strings = {"021-12345678", "021-1234567", "0571-12345678", "0571-1234567"})
    void landlinesHaveAnAreaCodeAndAHyphen(String phone) {
        assertTrue(PhoneNumber.isValidEnterprisePhone(phone));
        assertFalse(PhoneNumber.isValidMobile(phone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"02112345678", "21-12345678", "01-12345678", "05711-1234567", "021-123456", "021-123456789",
            "(021)12345678", ""})
    void otherShapesAreNotEnterprisePhones(String phone) {
        assertFalse(PhoneNumber.isValidEnterprisePhone(phone));
    }

    @Test
    void nullIsNeither() {
        assertFalse(PhoneNumber.isValidMobile(null));
        assertFalse(PhoneNumber.isValidEnterprisePhone(null));
    }
}
