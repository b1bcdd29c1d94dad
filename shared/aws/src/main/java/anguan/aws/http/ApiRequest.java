package anguan.aws.http;

import anguan.aws.json.Json;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Masking;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** A payload-2.0 request as the handlers need it: route, caller, parameters and a checked JSON body. */
public final class ApiRequest {
    /**
     * Longer than any identifier a path carries (ID number, USCC, certificate or application number)
     * and short enough that a key built from it stays far below DynamoDB's key size limits.
     */
    static final int MAX_PATH_PARAMETER = 128;

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

    /**
     * A path parameter, percent-decoded where it still is (certificate numbers carry CJK characters
     * and parentheses). A broken escape, bytes that are not UTF-8 or a value longer than any
     * identifier is a 400 here, before anything is looked up: no DynamoDB key can be that long.
     */
    public String path(String name) {
        Map<String, String> params = event.getPathParameters();
        String raw = params == null ? null : params.get(name);
        if (raw == null) {
            throw DomainProblem.badRequest("缺少路径参数：" + name);
        }
        String value = raw.indexOf('%') >= 0 ? percentDecoded(name, raw) : raw;
        if (value.length() > MAX_PATH_PARAMETER) {
            throw DomainProblem.badRequest("路径参数" + name + "过长：不能超过" + MAX_PATH_PARAMETER + "个字符");
        }
        return value;
    }

    /** Strict: unlike URLDecoder a '+' stays a plus sign (only query strings use it for a space). */
    private static String percentDecoded(String name, String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); ) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw DomainProblem.badRequest("路径参数" + name + "含有无效的%编码，请检查链接是否完整");
                }
                bytes.write(high << 4 | low);
                i += 3;
            } else {
                int codePoint = raw.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return utf8(bytes.toByteArray()).orElseThrow(() -> DomainProblem.badRequest("路径参数" + name + "不是有效的UTF-8编码"));
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A request header; API Gateway sends their names in lower case, a test event may not. */
    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .filter(v -> v != null).findFirst();
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

    /** A day ({@code yyyy-MM-dd}) in the query, or empty; anything else is a 400 that names the parameter. */
    public Optional<java.time.LocalDate> dateQuery(String name) {
        return query(name).map(raw -> {
            try {
                return java.time.LocalDate.parse(raw.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw DomainProblem.badRequest("参数" + name + "应为日期yyyy-MM-dd：" + Masking.echoed(raw));
            }
        });
    }

    /** The body as text; one API Gateway passed as base64 must be base64 of UTF-8 text, else 400. */
    public String rawBody() {
        String body = event.getBody();
        if (body == null || !event.getIsBase64Encoded()) {
            return body;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw DomainProblem.badRequest("请求体不是有效的base64编码");
        }
        return utf8(bytes).orElseThrow(() -> DomainProblem.badRequest("请求体应为UTF-8编码的JSON"));
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
            throw DomainProblem.badRequest("字段" + fieldOf(e) + "的值无效：" + Masking.echoed(String.valueOf(e.getValue())));
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
