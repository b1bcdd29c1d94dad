package anguan.local.gateway;

import anguan.domain.common.Masking;
import anguan.local.template.HttpRoute;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * API Gateway (HTTP API) on 127.0.0.1: the template's routes, its JWT authorizer checking local
 * tokens, payload-2.0 events to the functions and their answers back; plus the runner's own /dev
 * routes. It listens from the start so that clients can poll /dev/health; function routes answer
 * 503 until {@link #open} hands it the started functions.
 */
public final class HttpGateway implements AutoCloseable {
    /** API Gateway's payload limit. */
    private static final int MAX_BODY = 10 * 1024 * 1024;
    private static final int BACKLOG = 128;

    /** What a route's JWT authorizer accepts. */
    public record JwtRule(String issuer, Set<String> audiences) {
    }

    private HttpListener listener;
    private final RouteTable<HttpRoute> routes = new RouteTable<>();
    private final RouteTable<DevRoute> devRoutes = new RouteTable<>();
    private final Map<String, JwtRule> authorizers;
    private final LocalTokens tokens;
    private final boolean accessLog;
    private final AtomicReference<FunctionInvoker> functions = new AtomicReference<>();

    private HttpGateway(List<HttpRoute> routes, Map<String, JwtRule> authorizers, LocalTokens tokens, boolean accessLog) {
        this.authorizers = Map.copyOf(authorizers);
        this.tokens = tokens;
        this.accessLog = accessLog;
        for (HttpRoute route : routes) {
            route.authorizer().ifPresent(name -> {
                if (!authorizers.containsKey(name)) {
                    throw new IllegalArgumentException(route.routeKey() + " uses authorizer " + name + ", which the template does not declare as a JWT authorizer");
                }
            });
            this.routes.add(route.method(), route.path(), route);
        }
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @param port 0 for any free port
     */
    public static HttpGateway start(int port, List<HttpRoute> routes, Map<String, JwtRule> authorizers, LocalTokens tokens,
                                    boolean accessLog) {
        HttpGateway gateway = new HttpGateway(routes, authorizers, tokens, accessLog);
        try {
            gateway.listener = HttpListener.start(port, BACKLOG, MAX_BODY, gateway::handle, rejected -> {
                if (accessLog) {
                    System.out.println("[gateway] " + rejected + " (refused before routing)");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " (in use? try --port)", e);
        }
        return gateway;
    }

    /** Registers a route the runner answers itself; its path must start with /dev/. */
    public HttpGateway devRoute(String method, String path, DevRoute route) {
        if (!path.startsWith("/dev/")) {
            throw new IllegalArgumentException("runner routes live under /dev/: " + path);
        }
        devRoutes.add(method, path, route);
        return this;
    }

    /** From now on function routes are served. */
    public void open(FunctionInvoker invoker) {
        functions.set(invoker);
    }

    public boolean isOpen() {
        return functions.get() != null;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + listener.port());
    }

    public List<String> routeKeys() {
        return routes.routeKeys();
    }

    @Override
    public void close() {
        listener.close();
    }

    // ---- request handling

    private GatewayResponse handle(GatewayRequest request) {
        long start = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        GatewayResponse response;
        String target = "";
        try {
            if (request.rawPath().equals("/dev") || request.rawPath().startsWith("/dev/")) {
                target = "runner";
                response = dev(request);
            } else {
                Dispatch dispatch = dispatch(request, requestId);
                target = dispatch.function;
                response = dispatch.response;
            }
        } catch (Exception e) {
            System.err.println("[gateway] " + request.method() + " " + request.rawPath() + " failed in the gateway:");
            e.printStackTrace();
            response = GatewayResponse.problem(500, "INTERNAL_ERROR", "服务内部错误", "本地网关出错（请求 " + requestId + "）");
        }
        if (accessLog) {
            System.out.printf("[gateway] %s %s -> %d %s(%d ms)%n", request.method(), request.rawPath(),
                    response.status(), target.isEmpty() ? "" : target + " ", (System.nanoTime() - start) / 1_000_000);
        }
        return withHeader(response, "Apigw-Requestid", requestId);
    }

    private record Dispatch(String function, GatewayResponse response) {
    }

    private Dispatch dispatch(GatewayRequest request, String requestId) {
        FunctionInvoker invoker = functions.get();
        if (invoker == null) {
            return new Dispatch("", GatewayResponse.problem(503, "SERVICE_UNAVAILABLE", "服务正在启动", "本地环境尚未就绪，请稍后再试（GET /dev/health）"));
        }
        return switch (routes.match(request.method(), request.rawPath())) {
            case RouteTable.NotFound<HttpRoute> ignored ->
                    new Dispatch("", GatewayResponse.notFound(noRoute(request)));
            case RouteTable.WrongMethod<HttpRoute> wrong -> new Dispatch("", withHeader(
                    GatewayResponse.problem(405, "METHOD_NOT_ALLOWED", "不支持该请求方法", request.rawPath() + " 支持 " + String.join(", ", wrong.allowed())),
                    "Allow", String.join(", ", wrong.allowed())));
            case RouteTable.Found<HttpRoute> found -> new Dispatch(found.target().function(),
                    invoke(invoker, found.target(), request.withPathParameters(found.pathParameters()), requestId));
        };
    }

    private GatewayResponse invoke(FunctionInvoker invoker, HttpRoute route, GatewayRequest request, String requestId) {
        Map<String, String> claims = null;
        if (route.authorizer().isPresent()) {
            JwtRule rule = authorizers.get(route.authorizer().get());
            String authorization = request.header("authorization").orElse("");
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
                return GatewayResponse.unauthorized("缺少 Authorization: Bearer 令牌");
            }
            try {
                claims = tokens.verify(authorization.substring(7).trim(), rule.issuer(), rule.audiences());
            } catch (LocalTokens.InvalidToken e) {
                return GatewayResponse.unauthorized(e.getMessage());
            }
        }
        String event = PayloadV2.event(request, route, claims, requestId, Instant.now());
        String result;
        try {
            result = invoker.invoke(route.function(), event);
        } catch (RuntimeException e) {
            // The handler's error goes to the log, as to CloudWatch; the client learns only that it failed.
            System.err.println("[gateway] " + route.routeKey() + ": " + e.getMessage());
            (e.getCause() != null ? e.getCause() : e).printStackTrace();
            return functionFailed(requestId);
        }
        try {
            return fromFunction(result);
        } catch (IOException | RuntimeException e) {
            System.err.println("[gateway] " + route.routeKey() + ": " + route.function() + " answered something that is not a payload-2.0 response: " + e);
            return functionFailed(requestId);
        }
    }

    private static GatewayResponse functionFailed(String requestId) {
        return GatewayResponse.problem(502, "INTERNAL_ERROR", "服务内部错误", "函数执行失败（请求 " + requestId + "），详情见本地运行日志");
    }

    private GatewayResponse dev(GatewayRequest request) throws Exception {
        return switch (devRoutes.match(request.method(), request.rawPath())) {
            case RouteTable.NotFound<DevRoute> ignored -> GatewayResponse.notFound(noRoute(request));
            case RouteTable.WrongMethod<DevRoute> wrong -> withHeader(
                    GatewayResponse.problem(405, "METHOD_NOT_ALLOWED", "不支持该请求方法", request.rawPath() + " 支持 " + String.join(", ", wrong.allowed())),
                    "Allow", String.join(", ", wrong.allowed()));
            case RouteTable.Found<DevRoute> found -> found.target().handle(request.withPathParameters(found.pathParameters()));
        };
    }

    /**
     * A payload-2.0 response: {statusCode, headers, cookies, body, isBase64Encoded}. Any other JSON
     * API Gateway takes as the body of a 200, as it does here.
     */
    static GatewayResponse fromFunction(String json) throws IOException {
        JsonNode node = Json.MAPPER.readTree(json);
        if (node == null || !node.isObject() || !node.has("statusCode")) {
            return new GatewayResponse(200, Map.of("Content-Type", List.of("application/json")), json.getBytes(StandardCharsets.UTF_8));
        }
        int status = node.get("statusCode").asInt();
        if (status < 100 || status > 599) {
            throw new IOException("statusCode " + node.get("statusCode"));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        node.path("headers").properties().forEach(e -> headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().asText()));
        node.path("multiValueHeaders").properties().forEach(e -> e.getValue().forEach(
                v -> headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(v.asText())));
        node.path("cookies").forEach(c -> headers.computeIfAbsent("Set-Cookie", k -> new ArrayList<>()).add(c.asText()));
        JsonNode bodyNode = node.get("body");
        byte[] body = bodyNode == null || bodyNode.isNull() ? new byte[0]
                : node.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(bodyNode.asText())
                : bodyNode.asText().getBytes(StandardCharsets.UTF_8);
        if (body.length > 0 && headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
            headers.put("Content-Type", List.of("application/json"));
        }
        return new GatewayResponse(status, headers, body);
    }

    private static GatewayResponse withHeader(GatewayResponse response, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        headers.put(name, List.of(value));
        return new GatewayResponse(response.status(), headers, response.body());
    }

    /**
     * The request line is read as ISO-8859-1, so a client that sent raw UTF-8
     * (instead of percent-escapes) arrives as one char per byte; escaping those bytes gives back
     * the path a well-behaved client would have sent.
     */
    static String percentEncodeNonAscii(String raw) {
        if (raw.chars().allMatch(c -> c < 0x80)) {
            return raw;
        }
        StringBuilder out = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (c < 0x80) {
                out.append(c);
            } else if (c <= 0xFF) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        }
        return out.toString();
    }


    /** The path as sent, with any ID number or mobile in it masked, as every response masks them. */
    private static String noRoute(GatewayRequest request) {
        return "没有路由 " + request.method() + " " + Masking.echoed(request.rawPath());
    }
}
