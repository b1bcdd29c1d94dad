package anguan.domain.common;

import java.util.regex.Pattern;

/** Telephone numbers as the forms accept them: the enterprise contact phone (企业联系电话) and mobiles. */
public final class PhoneNumber {
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Area code with its leading 0, a hyphen, then 7 or 8 digits: 021-12345678, 0571-1234567. */
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-\\d{7,8}");

    private PhoneNumber() {
    }

    /** A mainland mobile number: 11 digits starting 13 to 19. */
    public static boolean isValidMobile(String phone) {
        return phone != null && MOBILE.matcher(phone).matches();
    }

    /** A mobile number or a landline with its area code. */
    public static boolean isValidEnterprisePhone(String phone) {
        return isValidMobile(phone) || phone != null && LANDLINE.matcher(phone).matches();
    }
}
