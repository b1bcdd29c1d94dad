package anguan.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the gateway writes back: status, headers (several values allowed), body bytes. */
public record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public static GatewayResponse json(int status, Object value) {
        return new GatewayResponse(status, Map.of("Content-Type", List.of("application/json")), Json.bytes(value));
    }

    /** An {@code application/problem+json} answer, shaped as the functions' errors (API.md, Conventions). */
    public static GatewayResponse problem(int status, String code, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("code", code);
        body.put("title", title);
        body.put("detail", detail);
        return new GatewayResponse(status, Map.of("Content-Type", List.of("application/problem+json")), Json.bytes(body));
    }

    public static GatewayResponse badRequest(String detail) {
        return problem(400, "BAD_REQUEST", "请求格式错误", detail);
    }

    public static GatewayResponse unauthorized(String detail) {
        return problem(401, "UNAUTHORIZED", "未登录或登录已过期", detail);
    }

    public static GatewayResponse notFound(String detail) {
        return problem(404, "NOT_FOUND", "资源不存在", detail);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
