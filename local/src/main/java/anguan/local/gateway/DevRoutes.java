package anguan.local.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The runner's own routes (API.md, Identity): {@code POST /dev/tokens} stands in for the SSOs,
 * {@code GET /dev/health} tells when everything is up. {@code GET /dev/sms} and
 * {@code POST /dev/schedules/{function}} join them here once SNS and schedules are emulated.
 */
public final class DevRoutes {
    private static final Set<String> ROLES = Set.of("person", "enterprise", "reviewer", "system");

    private DevRoutes() {
    }

    /**
     * @param health the health report once everything is ready, empty while starting
     */
    public static void register(HttpGateway gateway, LocalTokens tokens, Supplier<Optional<Map<String, Object>>> health) {
        gateway.devRoute("POST", "/dev/tokens", request -> issueToken(tokens, request));
        gateway.devRoute("GET", "/dev/health", request -> health.get()
                .map(report -> GatewayResponse.json(200, report))
                .orElseGet(() -> GatewayResponse.json(503, Map.of("status", "STARTING"))));
    }

    /** {"role":"person","idNo":"…"} | {"role":"enterprise","uscc":"…"} | {"role":"reviewer","sub":"r1"} | {"role":"system"}. */
    static GatewayResponse issueToken(LocalTokens tokens, GatewayRequest request) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.bodyText());
        } catch (JsonProcessingException e) {
            return GatewayResponse.badRequest("请求体不是合法的 JSON");
        }
        if (body == null || !body.isObject()) {
            return GatewayResponse.badRequest("请求体应为 JSON 对象，如 {\"role\":\"person\",\"idNo\":\"…\"}");
        }
        String role = text(body, "role");
        if (role == null || !ROLES.contains(role)) {
            return GatewayResponse.badRequest("role 应为 person、enterprise、reviewer 或 system");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("role", role);
        String subject = text(body, "sub");
        switch (role) {
            case "person" -> {
                String idNo = text(body, "idNo");
                if (idNo == null) {
                    return GatewayResponse.badRequest("role person 需要 idNo");
                }
                claims.put("idNo", idNo);
                claims.put("sub", subject != null ? subject : idNo);
            }
            case "enterprise" -> {
                String uscc = text(body, "uscc");
                if (uscc == null) {
                    return GatewayResponse.badRequest("role enterprise 需要 uscc");
                }
                claims.put("uscc", uscc);
                claims.put("sub", subject != null ? subject : uscc);
            }
            default -> claims.put("sub", subject != null ? subject : role);
        }
        String name = text(body, "name");
        if (name != null) {
            claims.put("name", name);
        }
        return GatewayResponse.json(200, Map.of("token", tokens.issue(claims)));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().trim() : null;
    }
}
