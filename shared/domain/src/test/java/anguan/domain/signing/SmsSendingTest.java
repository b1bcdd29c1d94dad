package anguan.domain.signing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import anguan.domain.common.DomainProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmsSendingTest {
    private static final byte[] SECRET = "sms-secret-for-tests-0123456789ab".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    /** Midnight in Shanghai after NOW (10:00 there). */
    private static final Instant NEXT_DAY = Instant.parse("2026-11-27T16:00:00Z");
    private final SmsChallenge last = SmsChallenge.issue("W2026112700001", 2, "13912345678", "考核发证申请表_20261127100000.pdf", NOW, new Random(1), SECRET).challenge();

    @Test
    void theFirstCodeMayAlwaysBeSent() {
        assertDoesNotThrow(() -> SmsSending.checkResend(Optional.empty(), NOW));
    }

    @Test
    void aSecondCodeWithinNinetySecondsIsTooEarlyAndSaysHowLongToWait() {
        DomainProblem p = assertThrows(DomainProblem.class,
                () -> SmsSending.checkResend(Optional.of(last), NOW.plusSeconds(30)));

        assertEquals(DomainProblem.Kind.TOO_MANY_REQUESTS, p.kind());
        assertEquals(Optional.of(Duration.ofSeconds(60)), p.retryAfter());
        assertEquals("验证码已发送，请60秒后再重新获取", p.getMessage());
        assertDoesNotThrow(() -> SmsSending.checkResend(Optional.of(last), NOW.plusSeconds(90)));
    }

    @Test
    void pastTheDaysCodesAMobileWaitsForTheNextDay() {
        // the count itself is the quota's (PersonalSigningTest: ten a day, the eleventh refused)
        DomainProblem p = SmsSending.dailyLimitReached(NOW, NEXT_DAY);

        assertEquals(DomainProblem.Kind.TOO_MANY_REQUESTS, p.kind());
        assertEquals(Optional.of(Duration.ofHours(14)), p.retryAfter());
        assertEquals("该手机号码今日获取验证码已达10次，请明天再试", p.getMessage());
    }
}
