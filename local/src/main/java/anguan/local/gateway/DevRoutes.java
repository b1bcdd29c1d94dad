package anguan.local.gateway;

import anguan.domain.common.Masking;
import anguan.local.schedules.Schedules;
import anguan.local.sns.Sms;
import anguan.local.sns.SmsLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The runner's own routes (API.md, Identity): {@code POST /dev/tokens} stands in for the SSOs,
 * {@code GET /dev/health} tells when everything is up, {@code GET /dev/sms?mobile=…} shows the SMS
 * the platform sent to a mobile (through the local SNS), {@code POST /dev/schedules/{function}}
 * runs a function's scheduled events now, {@code POST /dev/hardware-tokens} hands out an enterprise's
 * hardware token ({@link HardwareTokens}).
 */
public final class DevRoutes {
    private static final Set<String> ROLES = Set.of("person", "enterprise", "reviewer", "system");
    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

    private DevRoutes() {
    }

    /**
     * @param health the health report once everything is ready, empty while starting
     * @param sms       the SMS sent so far, empty while the local cloud is starting
     * @param schedules the template's scheduled events, empty until the functions are up
     * @param hardwareTokens the local CA's hardware tokens, empty until the registry can be read
     */
    public static void register(HttpGateway gateway, LocalTokens tokens, Supplier<Optional<Map<String, Object>>> health,
                                Supplier<Optional<SmsLog>> sms, Supplier<Optional<Schedules>> schedules,
                                Supplier<Optional<HardwareTokens>> hardwareTokens) {
        gateway.devRoute("POST", "/dev/hardware-tokens", request -> hardwareTokens.get()
                .map(ready -> ready.issue(request))
                .orElseGet(() -> GatewayResponse.json(503, Map.of("status", "STARTING"))));
        gateway.devRoute("POST", "/dev/schedules/{function}", request -> schedules.get()
                .map(ready -> fireSchedules(ready, request.pathParameters().get("function")))
                .orElseGet(() -> GatewayResponse.json(503, Map.of("status", "STARTING"))));
        gateway.devRoute("GET", "/dev/sms", request -> sms.get()
                .map(log -> smsSent(log, request))
                .orElseGet(() -> GatewayResponse.json(503, Map.of("status", "STARTING"))));
        gateway.devRoute("POST", "/dev/tokens", request -> issueToken(tokens, request));
        gateway.devRoute("GET", "/dev/health", request -> health.get()
                .map(report -> GatewayResponse.json(200, report))
                .orElseGet(() -> GatewayResponse.json(503, Map.of("status", "STARTING"))));
    }

    /** {"items":[{mobile, text, sentAt}]}, newest first; the mobile masked, as in every response but GET /me. */
    static GatewayResponse smsSent(SmsLog log, GatewayRequest request) {
        String mobile;
        try {
            mobile = query(request.rawQuery()).get("mobile");
        } catch (IllegalArgumentException brokenEscape) {
            return GatewayResponse.badRequest("查询参数的 % 转义不完整");
        }
        if (mobile == null || !MOBILE.matcher(mobile).matches()) {
            return GatewayResponse.badRequest("请用 ?mobile= 给出 11 位手机号，如 /dev/sms?mobile=13800000000");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Sms sms : log.to(mobile)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("mobile", Masking.mobile(sms.mobile()));
            item.put("text", sms.text());
            item.put("sentAt", sms.sentAt().toString());
            items.add(item);
        }
        return GatewayResponse.json(200, Map.of("items", items));
    }

    /** {"function", "fired":[{"event", "result"}]} once every scheduled event of the function has run. */
    static GatewayResponse fireSchedules(Schedules schedules, String name) {
        Optional<String> function = schedules.function(name);
        if (function.isEmpty()) {
            return GatewayResponse.notFound("没有名为 " + Masking.echoed(name) + " 的函数（用 functions/ 下的目录名，如 batch-rename）");
        }
        if (schedules.of(function.get()).isEmpty()) {
            return GatewayResponse.notFound("函数 " + function.get() + " 在 template.yaml 中没有定时事件（Schedule 或 ScheduleV2）");
        }
        List<Schedules.Fired> fired;
        try {
            fired = schedules.fire(function.get());
        } catch (RuntimeException e) {
            return GatewayResponse.problem(502, "FUNCTION_FAILED", "定时函数执行失败",
                    "函数 " + function.get() + " 执行失败：" + Masking.echoed(String.valueOf(e.getMessage())) + "，详情见本地运行日志");
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (Schedules.Fired one : fired) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", one.event());
            event.put("result", resultJson(one.result()));
            events.add(event);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("function", function.get());
        body.put("fired", events);
        return GatewayResponse.json(200, body);
    }

    /** A function's answer as JSON when it is JSON, else as the text it is. */
    private static Object resultJson(String result) {
        try {
            return Json.MAPPER.readTree(result);
        } catch (JsonProcessingException notJson) {
            return result;
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
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
