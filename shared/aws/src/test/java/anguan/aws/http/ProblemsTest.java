package anguan.aws.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.json.Json;
import anguan.domain.common.DomainProblem;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The problem type of API.md, with the two counts the signing routes give (retry after, attempts left). */
class ProblemsTest {

    private static JsonNode body(APIGatewayV2HTTPResponse r) throws Exception {
        return Json.MAPPER.readTree(r.getBody());
    }

    @Test
    void tooManyRequestsTellsWhenToTryAgainInTheBodyAndTheRetryAfterHeader() throws Exception {
        var r = Problems.of(DomainProblem.tooManyRequests("TOO_MANY_REQUESTS", "验证码发送过于频繁，请90秒后再试", Duration.ofSeconds(90)));

        assertEquals(429, r.getStatusCode());
        assertTrue(r.getHeaders().get("content-type").startsWith("application/problem+json"));
        assertEquals("90", r.getHeaders().get("retry-after"));
        JsonNode problem = body(r);
        assertEquals(429, problem.get("status").asInt());
        assertEquals("TOO_MANY_REQUESTS", problem.get("code").asText());
        assertEquals("操作过于频繁", problem.get("title").asText());
        assertEquals("验证码发送过于频繁，请90秒后再试", problem.get("detail").asText());
        assertEquals(90, problem.get("retryAfterSeconds").asInt());
        assertNull(problem.get("attemptsLeft"));
    }

    @Test
    void aWaitOfPartSecondsIsRoundedUpSoTheRetryIsNotRefusedAgain() throws Exception {
        var r = Problems.of(DomainProblem.tooManyRequests("TOO_MANY_REQUESTS", "请稍后再试", Duration.ofMillis(89_001)));

        assertEquals(90, body(r).get("retryAfterSeconds").asInt());
        assertEquals("90", r.getHeaders().get("retry-after"));
    }

    @Test
    void aWrongSecretIsA422WithItsCodeAndTheAttemptsLeft() throws Exception {
        var r = Problems.of(DomainProblem.wrongAttempt("SIGNING_PASSWORD_INVALID", "签章密码错误，还可尝试2次", 2));

        assertEquals(422, r.getStatusCode());
        JsonNode problem = body(r);
        assertEquals(422, problem.get("status").asInt());
        assertEquals("SIGNING_PASSWORD_INVALID", problem.get("code").asText());
        assertEquals("签章密码错误，还可尝试2次", problem.get("detail").asText());
        assertFalse(problem.get("title").asText().isBlank());
        assertEquals(2, problem.get("attemptsLeft").asInt());
        assertNull(problem.get("violations"));
        assertNull(problem.get("retryAfterSeconds"));
        assertNull(r.getHeaders().get("retry-after"));
    }

    @Test
    void noAttemptsLeftIsSaidAsZero() throws Exception {
        assertEquals(0, body(Problems.of(DomainProblem.wrongAttempt("SMS_CODE_INVALID", "短信验证码错误，验证码已作废", 0)))
                .get("attemptsLeft").asInt());
    }

    @Test
    void otherProblemsCarryNeitherCountNorHeader() throws Exception {
        var r = Problems.of(DomainProblem.notFound("未找到申请"));

        assertEquals(404, r.getStatusCode());
        JsonNode problem = body(r);
        assertNull(problem.get("attemptsLeft"));
        assertNull(problem.get("retryAfterSeconds"));
        assertNull(r.getHeaders().get("retry-after"));
        assertEquals("no-store", r.getHeaders().get("cache-control"));
    }
}
