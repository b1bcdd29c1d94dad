package anguan.aws.http;

import anguan.aws.json.Json;
import anguan.domain.common.DomainProblem;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** A payload-2.0 request as the handlers need it: route, caller, parameters and a checked JSON body. */
public final class ApiRequest {
    private final APIGatewayV2HTTPEvent event;
    private final Caller caller;

    ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
        var context = event.getRequestContext();
        var authorizer = context == null ? null : context.getAuthorizer();
        var jwt = authorizer == null ? null : authorizer.getJwt();
        this.caller = Caller.of(jwt == null ? null : jwt.getClaims());
    }

    public String routeKey() {
        if (event.getRouteKey() != null && !event.getRouteKey().equals("$default")) {
            return event.getRouteKey();
        }
        var http = event.getRequestContext().getHttp();
        return http.getMethod() + " " + http.getPath();
    }

    public Caller caller() {
        return caller;
    }

    public String requestId() {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    /** A path parameter, decoded: ID numbers and certificate numbers carry CJK characters and parentheses. */
    public String path(String name) {
        Map<String, String> params = event.getPathParameters();
        String raw = params == null ? null : params.get(name);
        if (raw == null) {
            throw DomainProblem.badRequest("缺少路径参数：" + name);
        }
        return raw.indexOf('%') >= 0 ? URLDecoder.decode(raw, StandardCharsets.UTF_8) : raw;
    }

    public Optional<String> query(String name) {
        Map<String, String> params = event.getQueryStringParameters();
        return Optional.ofNullable(params == null ? null : params.get(name)).filter(v -> !v.isBlank());
    }

    public int intQuery(String name, int fallback, int min, int max) {
        Optional<String> raw = query(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get().strip());
            if (value < min || value > max) {
                throw DomainProblem.badRequest("参数" + name + "应在" + min + "到" + max + "之间");
            }
            return value;
        } catch (NumberFormatException e) {
            throw DomainProblem.badRequest("参数" + name + "应为整数");
        }
    }

    public String rawBody() {
        String body = event.getBody();
        if (body == null) {
            return null;
        }
        return event.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    /**
     * The JSON body as {@code type}. Malformed JSON, wrong types and bodies over {@code maxBytes}
     * are a 400 that names the problem; nothing is changed.
     */
    public <T> T body(Class<T> type, int maxBytes) {
        String body = rawBody();
        if (body == null || body.isBlank()) {
            throw DomainProblem.badRequest("请求体不能为空，应为JSON对象");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw DomainProblem.badRequest("请求体过大：不能超过" + (maxBytes / 1024) + " KiB");
        }
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) {
                throw DomainProblem.badRequest("请求体应为JSON对象");
            }
            return value;
        } catch (InvalidFormatException e) {
            throw DomainProblem.badRequest("字段" + fieldOf(e) + "的值无效：" + e.getValue());
        } catch (MismatchedInputException e) {
            throw DomainProblem.badRequest(e.getPath().isEmpty() ? "请求体应为JSON对象" : "字段" + fieldOf(e) + "的类型不正确");
        } catch (JsonProcessingException e) {
            throw DomainProblem.badRequest("请求体不是有效的JSON");
        }
    }

    private static String fieldOf(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("?");
    }
}
