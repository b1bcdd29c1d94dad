package anguan.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.LocalRunner;
import anguan.local.fixture.EchoProject;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway and the Lambda host, against a function packaged by the test (EchoHandler). */
class GatewayIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path project;
    @TempDir
    static Path data;
    private static LocalRunner runner;

    @BeforeAll
    static void start() {
        runner = LocalRunner.start(LocalRunner.Options.forTests()
                .withTemplate(EchoProject.create(project))
                .withDataDir(data));
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void healthIsUpWithEachFunctionsInitTime() throws Exception {
        HttpResponse<String> health = send("GET", "/dev/health", null, null);
        assertEquals(200, health.statusCode());
        JsonNode body = JSON.readTree(health.body());
        assertEquals("UP", body.get("status").asText());
        assertTrue(body.at("/functions/EchoFunction").isNumber(), health.body());
        assertTrue(body.at("/endpoints/dynamodb").asText().startsWith("http://127.0.0.1:"));
    }

    @Test
    void aDevTokenOpensTheRouteAndItsClaimsReachTheFunction() throws Exception {
        String token = devToken("{\"role\":\"person\",\"idNo\":\"11010519491231002X\",\"name\":\"张三\"}");
        String number = "沪建安C3（2026）0000001";
        HttpResponse<String> response = send("GET", "/echo/" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "?tag=a&tag=b&q=x%20y",
                null, token, "Cookie", "c1=1; c2=2", "X-Many", "one");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("yes", response.headers().firstValue("x-echo").orElseThrow());
        assertEquals("echo=1; Path=/", response.headers().firstValue("set-cookie").orElseThrow());
        JsonNode event = JSON.readTree(response.body()).get("event");
        assertEquals("2.0", event.get("version").asText());
        assertEquals("GET /echo/{id}", event.get("routeKey").asText());
        assertEquals(number, event.at("/pathParameters/id").asText());
        assertEquals("a,b", event.at("/queryStringParameters/tag").asText());
        assertEquals("x y", event.at("/queryStringParameters/q").asText());
        assertEquals("one", event.at("/headers/x-many").asText());
        assertEquals("c1=1", event.at("/cookies/0").asText());
        assertEquals("person", event.at("/requestContext/authorizer/jwt/claims/role").asText());
        assertEquals("11010519491231002X", event.at("/requestContext/authorizer/jwt/claims/idNo").asText());
        assertEquals("张三", event.at("/requestContext/authorizer/jwt/claims/name").asText());
        assertEquals("anguan-local", event.at("/requestContext/authorizer/jwt/claims/iss").asText());
        assertEquals("GET", event.at("/requestContext/http/method").asText());
        assertEquals("$default", event.at("/requestContext/stage").asText());
        assertEquals(response.headers().firstValue("apigw-requestid").orElseThrow(), event.at("/requestContext/requestId").asText());
    }

    @Test
    void theFunctionRunsInItsOwnClassLoaderSeeingOnlyTheRuntimeApiOfTheRunner() throws Exception {
        JsonNode answer = JSON.readTree(send("GET", "/echo/1", null, devToken("{\"role\":\"system\"}")).body());
        assertEquals("function:EchoFunction", answer.get("handlerLoader").asText());
        assertEquals("function:EchoFunction", answer.get("eventLoader").asText());
        assertEquals("function:EchoFunction", answer.get("contextLoader").asText());
        assertEquals("function:EchoFunction", answer.get("constructedWithContextLoader").asText());
        assertEquals("EchoFunction", answer.get("functionName").asText());
        assertTrue(answer.get("remainingMillis").asInt() > 4000);

        ClassLoader function = runner.functions().function("EchoFunction").classLoader();
        assertSame(RequestHandler.class, function.loadClass(RequestHandler.class.getName()));
        assertNotSame(APIGatewayV2HTTPEvent.class, function.loadClass(APIGatewayV2HTTPEvent.class.getName()));
        assertNotSame(ObjectMapper.class, function.loadClass(ObjectMapper.class.getName()));
        assertThrows(ClassNotFoundException.class, () -> function.loadClass(LocalRunner.class.getName()));
    }

    @Test
    void aBodyThatIsNotUtf8ReachesTheFunctionAsBase64AndBinaryAnswersAreDecoded() throws Exception {
        String token = devToken("{\"role\":\"system\"}");
        HttpResponse<String> response = send("PUT", "/echo/1", new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF}, token);
        JsonNode event = JSON.readTree(response.body()).get("event");
        assertEquals(java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF}),
                event.get("body").asText());
        assertTrue(event.get("isBase64Encoded").asBoolean(), event.toString());
        HttpResponse<byte[]> binary = HTTP.send(request("GET", "/echo/binary", null, token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(List.of((byte) 0, (byte) 1, (byte) 0xFE, (byte) 0xFF),
                List.of(binary.body()[0], binary.body()[1], binary.body()[2], binary.body()[3]));
    }

    @Test
    void withoutAValidTokenTheAnswerIs401ProblemJson() throws Exception {
        for (String authorization : new String[] {null, "Bearer not-a-jwt", "Basic abc", "Bearer " + foreignToken()}) {
            HttpResponse<String> response = authorization == null ? send("GET", "/echo/1", null, null)
                    : send("GET", "/echo/1", null, null, "Authorization", authorization);
            assertEquals(401, response.statusCode(), authorization);
            assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
            JsonNode problem = JSON.readTree(response.body());
            assertEquals(401, problem.get("status").asInt());
            assertEquals("UNAUTHORIZED", problem.get("code").asText());
            assertEquals("未登录或登录已过期", problem.get("title").asText());
            assertFalse(problem.get("detail").asText().isBlank());
        }
    }

    @Test
    void aRouteWithoutAuthorizerNeedsNoToken() throws Exception {
        HttpResponse<String> response = send("GET", "/public/echo", null, null);
        assertEquals(200, response.statusCode());
        assertTrue(JSON.readTree(response.body()).at("/event/requestContext/authorizer").isNull()
                || JSON.readTree(response.body()).at("/event/requestContext/authorizer").isMissingNode());
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() throws Exception {
        HttpResponse<String> unknown = send("GET", "/nothing", null, null);
        assertEquals(404, unknown.statusCode());
        assertEquals("NOT_FOUND", JSON.readTree(unknown.body()).get("code").asText());
        HttpResponse<String> wrongMethod = send("DELETE", "/echo/1", null, null);
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("GET, PUT", wrongMethod.headers().firstValue("allow").orElseThrow());
        assertEquals(404, send("GET", "/dev/nothing", null, null).statusCode());
    }

    @Test
    void aHandlerThatThrowsGives502WithoutItsStackTrace() throws Exception {
        HttpResponse<String> response = send("GET", "/fail", null, devToken("{\"role\":\"system\"}"));
        assertEquals(502, response.statusCode());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("INTERNAL_ERROR", problem.get("code").asText());
        assertFalse(response.body().contains("IllegalStateException"));
        assertFalse(response.body().contains("on purpose"));
    }

    @Test
    void badTokenRequestsAre400() throws Exception {
        HttpResponse<String> response = send("POST", "/dev/tokens", "{\"role\":\"person\"}".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(400, response.statusCode());
        assertEquals("BAD_REQUEST", JSON.readTree(response.body()).get("code").asText());
    }

    @Test
    void concurrentRequestsAreAllServed() {
        String token = runner.systemToken();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            responses.add(HTTP.sendAsync(request("GET", "/echo/" + i, null, token).build(), HttpResponse.BodyHandlers.ofString()));
        }
        responses.forEach(r -> assertEquals(200, r.join().statusCode()));
    }

    @Test
    void requestsThatArriveTogetherRunTogetherInContainersOfTheirOwn() throws Exception {
        String token = runner.systemToken();
        var first = HTTP.sendAsync(request("GET", "/echo/together", null, token).build(), HttpResponse.BodyHandlers.ofString());
        var second = HTTP.sendAsync(request("GET", "/echo/together", null, token).build(), HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(first.join(), second.join())) {
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("function:EchoFunction", JSON.readTree(response.body()).get("constructedWithContextLoader").asText());
        }
    }

    @Test
    void theFunctionGetsItsTemplateEnvironmentResolvedToLocalNames() {
        assertEquals(List.of("GET /echo/{id}", "PUT /echo/{id}", "GET /public/echo", "GET /fail"), runner.routeKeys());
        assertEquals("EchoTable", runner.names().ref("EchoTable"));
    }

    private static String devToken(String body) throws Exception {
        HttpResponse<String> response = send("POST", "/dev/tokens", body.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("token").asText();
    }

    /** Signed right, but by another runner's secret. */
    private static String foreignToken() {
        return LocalTokens.open(null, "anguan-local", "anguan").issue(Map.of("role", "system"));
    }

    private static HttpResponse<String> send(String method, String path, byte[] body, String token, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(method, path, body, token);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(String method, String path, byte[] body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(runner.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
