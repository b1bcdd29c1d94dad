package anguan.domain.signing;

import anguan.domain.common.DomainProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a code may be sent now: not within 90 seconds of the last one for this application, and
 * not past 10 codes to one mobile on one (Shanghai) day. A refusal is a 429 TOO_MANY_REQUESTS with
 * how long to wait (API.md).
 */
public final class SmsSending {
    private SmsSending() {
    }

    /**
     * Not within 90 seconds of the last code for this application. (The day's count per mobile is
     * taken by {@link SmsQuota}, one atomic write; {@link #dailyLimitReached} is its refusal.)
     *
     * @param last the newest challenge of this application, if any
     */
    public static void checkResend(Optional<SmsChallenge> last, Instant now) {
        Duration wait = last.map(c -> c.resendIn(now)).orElse(Duration.ZERO);
        if (!wait.isZero()) {
            throw DomainProblem.tooManyRequests("TOO_MANY_REQUESTS",
                    "验证码已发送，请%d秒后再重新获取".formatted(seconds(wait)), wait);
        }
    }

    /**
     * The 429 once a mobile has had its 10 codes today: it may try again when the next day starts.
     *
     * @param nextDayAt the start of the next Shanghai day (when the daily count starts again)
     */
    public static DomainProblem dailyLimitReached(Instant now, Instant nextDayAt) {
        return DomainProblem.tooManyRequests("TOO_MANY_REQUESTS",
                "该手机号码今日获取验证码已达%d次，请明天再试".formatted(SmsCodePolicy.PER_MOBILE_PER_DAY),
                Duration.between(now, nextDayAt));
    }

    private static long seconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
