package anguan.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the gateway received it.
 *
 * @param rawPath  the path as sent, percent-encoded (never decoded: a {@code %2F} inside a segment stays one segment)
 * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
 * @param headers  by lower-case name, every value in arrival order
 */
public record GatewayRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp,
        String protocol,
        Map<String, String> pathParameters) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    GatewayRequest withPathParameters(Map<String, String> parameters) {
        return new GatewayRequest(method, rawPath, rawQuery, headers, body, sourceIp, protocol, Map.copyOf(parameters));
    }
}
