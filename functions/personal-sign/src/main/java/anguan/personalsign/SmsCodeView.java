package anguan.personalsign;

import anguan.domain.common.Masking;
import anguan.domain.signing.PersonalSigningService.SmsSent;
import java.time.Duration;
import java.time.Instant;

/**
 * What POST …/sms-codes answers (API.md): where the code went (masked), how long it is valid and
 * when another may be asked for, counted from now so that a retried request that hands the same
 * code over again shows the time that code has left, and the file the code signs.
 */
record SmsCodeView(String mobileMasked, long expiresInSeconds, long resendAfterSeconds, String fileName) {

    static SmsCodeView of(SmsSent sent, Instant now) {
        return new SmsCodeView(Masking.mobile(sent.mobile()), secondsUntil(now, sent.expiresAt()),
                secondsUntil(now, sent.resendAt()), sent.fileName());
    }

    /** Whole seconds, rounded up (1800 for a code sent this instant), never negative. */
    private static long secondsUntil(Instant now, Instant then) {
        long millis = Duration.between(now, then).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }
}
