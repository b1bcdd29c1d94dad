package anguan.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.template.HttpRoute;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HttpGatewayTest {
    private static final HttpRoute ME = new HttpRoute("GET", "/me", "SubmitFunction", "GetMe", Optional.of("JwtAuthorizer"));
    private static final Map<String, HttpGateway.JwtRule> AUTHORIZERS =
            Map.of("JwtAuthorizer", new HttpGateway.JwtRule("anguan-local", Set.of("anguan")));

    @Test
    void untilTheFunctionsAreStartedRoutesAndHealthAnswer503() throws Exception {
        LocalTokens tokens = LocalTokens.open(null, "anguan-local", "anguan");
        AtomicReference<Map<String, Object>> health = new AtomicReference<>();
        try (HttpGateway gateway = HttpGateway.start(0, List.of(ME), AUTHORIZERS, tokens, false);
             HttpClient http = HttpClient.newHttpClient()) {
            DevRoutes.register(gateway, tokens, () -> Optional.ofNullable(health.get()), Optional::empty, Optional::empty, Optional::empty);
            String token = tokens.issue(Map.of("role", "person", "idNo", "11010519491231002X"));
            HttpRequest me = HttpRequest.newBuilder(gateway.baseUrl().resolve("/me")).header("Authorization", "Bearer " + token).build();
            HttpRequest healthCheck = HttpRequest.newBuilder(gateway.baseUrl().resolve("/dev/health")).build();

            assertEquals(503, http.send(me, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(503, http.send(healthCheck, HttpResponse.BodyHandlers.ofString()).statusCode());

            gateway.open((function, event) -> "{\"statusCode\":200,\"body\":\"{\\\"function\\\":\\\"" + function + "\\\"}\"}");
            health.set(Map.of("status", "UP"));
            HttpResponse<String> answer = http.send(me, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertEquals("{\"function\":\"SubmitFunction\"}", answer.body());
            assertTrue(answer.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
            assertEquals(200, http.send(healthCheck, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void aRouteNamingAnUndeclaredAuthorizerIsATemplateMistake() {
        HttpRoute route = new HttpRoute("GET", "/x", "F", "E", Optional.of("Missing"));
        assertThrows(IllegalArgumentException.class,
                () -> HttpGateway.start(0, List.of(route), AUTHORIZERS, LocalTokens.open(null, "i", "a"), false));
    }
}
