package anguan.local.gateway;

import anguan.local.cloud.LocalCloud;
import anguan.local.template.HttpRoute;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * API Gateway HTTP API events, payload format 2.0, built as API Gateway builds them: lower-case
 * headers with repeated values comma-joined, cookies moved out of the headers, query parameters
 * decoded and comma-joined, path parameters decoded, the JWT authorizer's claims in the request
 * context, and a body that is text, or base64 when it is not UTF-8.
 */
final class PayloadV2 {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private PayloadV2() {
    }

    /**
     * @param claims the verified token's claims, or null on a route without authorizer
     */
    static String event(GatewayRequest request, HttpRoute route, Map<String, String> claims, String requestId, Instant now) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.path().equals("$default") ? "$default" : route.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery());

        List<String> cookies = new ArrayList<>();
        ObjectNode headers = event.putObject("headers");
        request.headers().forEach((name, values) -> {
            if (name.equals("cookie")) {
                values.forEach(line -> {
                    for (String cookie : line.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                });
            } else {
                headers.put(name, String.join(",", values));
            }
        });
        headers.put("x-forwarded-for", request.sourceIp());
        headers.put("x-forwarded-proto", "http");
        if (!cookies.isEmpty()) {
            ArrayNode array = event.putArray("cookies");
            cookies.forEach(array::add);
        }

        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        if (!request.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            request.pathParameters().forEach(parameters::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", LocalCloud.ACCOUNT_ID);
        context.put("apiId", "local");
        String host = request.header("host").orElse("127.0.0.1");
        context.put("domainName", host);
        context.put("domainPrefix", host.split("[.:]", 2)[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("user-agent").orElse(""));
        context.put("requestId", requestId);
        context.put("routeKey", event.get("routeKey").asText());
        context.put("stage", "$default");
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (claims != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            ObjectNode claimsNode = jwt.putObject("claims");
            claims.forEach(claimsNode::put);
            jwt.putNull("scopes");
        }

        if (request.body().length > 0) {
            String text = utf8(request.body());
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", text == null);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event.toString();
    }

    /** Decoded parameters; a name given twice gets its values comma-joined, as API Gateway does. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** The body as text when it is valid UTF-8, else null. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
