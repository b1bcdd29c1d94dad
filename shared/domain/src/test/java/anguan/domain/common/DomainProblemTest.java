package anguan.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DomainProblemTest {

    @Test
    void tooManyRequestsSaysHowLongToWait() {
        DomainProblem p = DomainProblem.tooManyRequests("TOO_MANY_REQUESTS", "验证码发送过于频繁，请90秒后再试", Duration.ofSeconds(90));
        assertEquals(DomainProblem.Kind.TOO_MANY_REQUESTS, p.kind());
        assertEquals("TOO_MANY_REQUESTS", p.code());
        assertEquals("验证码发送过于频繁，请90秒后再试", p.getMessage());
        assertEquals(Optional.of(Duration.ofSeconds(90)), p.retryAfter());
        assertEquals(OptionalInt.empty(), p.attemptsLeft());
        assertTrue(p.violations().isEmpty());
    }

    @Test
    void aWrongAttemptIsA422WithItsOwnCodeAndTheTriesLeft() {
        DomainProblem p = DomainProblem.wrongAttempt("SMS_CODE_INVALID", "短信验证码错误，还可尝试4次", 4);
        assertEquals(DomainProblem.Kind.VALIDATION_FAILED, p.kind());
        assertEquals("SMS_CODE_INVALID", p.code());
        assertEquals(OptionalInt.of(4), p.attemptsLeft());
        assertEquals(Optional.empty(), p.retryAfter());
        assertTrue(p.violations().isEmpty());
    }

    @Test
    void aRefusalWithASingleCodeCarriesNeitherCount() {
        DomainProblem p = DomainProblem.refused("SMS_CODE_EXPIRED", "短信验证码已过期，请重新获取");
        assertEquals(DomainProblem.Kind.VALIDATION_FAILED, p.kind());
        assertEquals("SMS_CODE_EXPIRED", p.code());
        assertEquals(OptionalInt.empty(), p.attemptsLeft());
        assertEquals(Optional.empty(), p.retryAfter());
    }

    @Test
    void theOtherProblemsCarryNeitherCount() {
        DomainProblem p = DomainProblem.notFound("未找到申请");
        assertEquals(Optional.empty(), p.retryAfter());
        assertEquals(OptionalInt.empty(), p.attemptsLeft());
    }

    @Test
    void aNegativeWaitOrCountIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> DomainProblem.tooManyRequests("TOO_MANY_REQUESTS", "x", Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> DomainProblem.tooManyRequests("TOO_MANY_REQUESTS", "x", null));
        assertThrows(IllegalArgumentException.class, () -> DomainProblem.wrongAttempt("SMS_CODE_INVALID", "x", -1));
    }
}
