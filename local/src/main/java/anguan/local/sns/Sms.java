package anguan.local.sns;

import java.time.Instant;

/**
 * One SMS (短信) the platform sent through SNS ({@code Publish} with a {@code PhoneNumber}).
 *
 * @param mobile the number as the platform wrote it, without the +86 of mainland China
 */
public record Sms(String mobile, String text, Instant sentAt) {

    /** {@code +8613800000000}, {@code 008613800000000} and {@code 13800000000} are one mobile. */
    public static String mobileOf(String phoneNumber) {
        String number = phoneNumber.trim().replace(" ", "").replace("-", "");
        for (String prefix : new String[] {"+86", "0086"}) {
            if (number.startsWith(prefix) && number.length() > prefix.length()) {
                return number.substring(prefix.length());
            }
        }
        return number;
    }
}
