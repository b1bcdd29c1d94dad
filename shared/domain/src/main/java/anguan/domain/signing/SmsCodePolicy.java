package anguan.domain.signing;

import java.time.Duration;

/**
 * 短信验证码 rules of the personal signature (DOMAIN.md, Signing): 6 digits, valid 30 minutes, re-sent
 * after 90 seconds at the earliest, used once, void after 5 wrong tries, at most 10 per mobile a day.
 */
public final class SmsCodePolicy {
    public static final int DIGITS = 6;
    public static final Duration VALID_FOR = Duration.ofMinutes(30);
    public static final Duration RESEND_AFTER = Duration.ofSeconds(90);
    public static final int WRONG_TRIES = 5;
    public static final int PER_MOBILE_PER_DAY = 10;

    private SmsCodePolicy() {
    }
}
