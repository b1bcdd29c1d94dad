package anguan.aws.http;

import anguan.domain.common.DomainProblem;
import anguan.domain.common.Violation;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DomainProblem → application/problem+json (API.md, Errors): {@code status}, {@code code},
 * {@code title}, {@code detail}, and where the problem has them {@code violations},
 * {@code attemptsLeft} and {@code retryAfterSeconds} (with a {@code Retry-After} header).
 */
public final class Problems {
    private Problems() {
    }

    public static APIGatewayV2HTTPResponse of(DomainProblem p) {
        int status = switch (p.kind()) {
            case BAD_REQUEST -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case INVALID_STATE, CONCURRENT_UPDATE -> 409;
            case VALIDATION_FAILED -> 422;
            case TOO_MANY_REQUESTS -> 429;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("code", p.code());
        if (p.kind() == DomainProblem.Kind.VALIDATION_FAILED && !p.violations().isEmpty()) {
            body.put("title", p.getMessage());
            body.put("detail", "共" + p.violations().size() + "项未通过：" + String.join("；",
                    p.violations().stream().map(Violation::message).toList()));
        } else {
            body.put("title", title(p));
            body.put("detail", p.getMessage());
        }
        if (!p.violations().isEmpty()) {
            body.put("violations", p.violations().stream().map(Problems::violation).toList());
        }
        p.attemptsLeft().ifPresent(left -> body.put("attemptsLeft", left));
        Map<String, String> headers = new LinkedHashMap<>();
        p.retryAfter().ifPresent(wait -> {
            long seconds = retryAfterSeconds(wait);
            body.put("retryAfterSeconds", seconds);
            headers.put("retry-after", Long.toString(seconds));
        });
        return ApiResponse.problem(status, body, headers);
    }

    /** Whole seconds, rounded up: told to come back too early, the user would only be refused again. */
    private static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds();
        return wait.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
    }

    public static APIGatewayV2HTTPResponse internalError(String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 500);
        body.put("code", "INTERNAL_ERROR");
        body.put("title", "系统繁忙");
        body.put("detail", "系统处理出错，请稍后重试" + (requestId == null ? "" : "（请求编号 " + requestId + "）"));
        return ApiResponse.problem(500, body, Map.of());
    }

    private static Map<String, Object> violation(Violation v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", v.code());
        if (v.field() != null) {
            m.put("field", v.field());
        }
        m.put("message", v.message());
        return m;
    }

    private static String title(DomainProblem p) {
        return switch (p.kind()) {
            case BAD_REQUEST -> "请求格式错误";
            case FORBIDDEN -> "无权访问";
            case NOT_FOUND -> "未找到";
            case INVALID_STATE -> "当前状态不允许此操作";
            case CONCURRENT_UPDATE -> "数据已被修改";
            case VALIDATION_FAILED -> "校验未通过";
            case TOO_MANY_REQUESTS -> "操作过于频繁";
        };
    }
}
