package anguan.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.fixture.RawHttp;
import anguan.local.template.HttpRoute;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever bytes a client sends, the gateway answers with a status below 500 and, for an error,
 * {@code application/problem+json} with a Chinese detail, as API Gateway would: never the JDK
 * server's HTML page. Also the parts of HTTP/1.1 that curl and browsers use besides the basics.
 */
class MalformedRequestsTest {
    private static final List<HttpRoute> ROUTES = List.of(
            new HttpRoute("GET", "/me", "SubmitFunction", "GetMe", Optional.of("JwtAuthorizer")),
            new HttpRoute("PUT", "/echo/{id}", "EchoFunction", "Echo", Optional.empty()),
            new HttpRoute("GET", "/echo/{id}", "EchoFunction", "EchoGet", Optional.empty()));
    private static HttpGateway gateway;

    @BeforeAll
    static void start() {
        LocalTokens tokens = LocalTokens.open(null, "anguan-local", "anguan");
        gateway = HttpGateway.start(0, ROUTES, Map.of("JwtAuthorizer", new HttpGateway.JwtRule("anguan-local", Set.of("anguan"))),
                tokens, false);
        // The function answers with the event it got, so a test sees what reached it.
        gateway.open((function, event) -> "{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":"
                + quoted(event) + "}");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String quoted(String text) {
        return new String(Json.bytes(text), StandardCharsets.UTF_8);
    }

    private static RawHttp.Reply send(String raw) {
        return RawHttp.send(gateway.baseUrl(), raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static JsonNode assertProblem(RawHttp.Reply reply, int status) throws Exception {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.header("content-type").orElse("").startsWith("application/problem+json"), reply.toString());
        JsonNode problem = Json.MAPPER.readTree(reply.body());
        assertEquals(status, problem.get("status").asInt());
        assertFalse(problem.get("code").asText().isBlank());
        assertTrue(hasHan(problem.get("title").asText()) && hasHan(problem.get("detail").asText()), problem.toString());
        assertFalse(reply.text().contains("<h1>") || reply.text().contains("Exception"), reply.text());
        return problem;
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/echo/%zz", "/echo/%", "/echo/50%", "/echo/%E6%B2", "/echo/%FF", "/echo/\u00e9", "/echo/a%2", "/me%", "/%%"})
    void aBrokenEscapeInThePathIsABadRequestProblem(String path) throws Exception {
        assertEquals("BAD_REQUEST", assertProblem(send("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400)
                .get("code").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=%zz", "page=1&size=%", "%=1", "q=%E6%B2%A", "type=%G1"})
    void aBrokenEscapeInTheQueryIsABadRequestProblem(String query) throws Exception {
        assertProblem(send("GET /echo/1?" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GARBAGE\r\n\r\n", "GET /echo/1\r\n\r\n", "GET /echo/1 HTTP/9.9\r\n\r\n", "GET echo/1 HTTP/1.1\r\n\r\n",
            "GET  /echo/1 HTTP/1.1\r\n\r\n", "G(T /echo/1 HTTP/1.1\r\n\r\n", "GET /echo/1 HTTP/1.1\r\nno colon here\r\n\r\n",
            "GET /echo/1 HTTP/1.1\r\nBad Name: x\r\n\r\n", "GET /echo/\u0001 HTTP/1.1\r\n\r\n",
            "PUT /echo/1 HTTP/1.1\r\nContent-Length: twelve\r\n\r\n",
            "PUT /echo/1 HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nab",
            "PUT /echo/1 HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\nab",
            "PUT /echo/1 HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
            "PUT /echo/1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"})
    void aMalformedRequestIsABadRequestProblem(String raw) throws Exception {
        assertProblem(send(raw), 400);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        JsonNode problem = assertProblem(send("PUT /echo/1 HTTP/1.1\r\nContent-Length: 20000000\r\n\r\n{}"), 413);
        assertEquals("PAYLOAD_TOO_LARGE", problem.get("code").asText());
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefused() throws Exception {
        assertProblem(send("PUT /echo/1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nA00001\r\n"), 413);
    }

    @Test
    void headersOverTheLimitAreRefused() throws Exception {
        assertProblem(send("GET /echo/1 HTTP/1.1\r\nX-Big: " + "x".repeat(HttpListener.MAX_HEAD) + "\r\n\r\n"), 431);
        assertProblem(send("GET /echo/" + "x".repeat(HttpListener.MAX_HEAD) + " HTTP/1.1\r\n\r\n"), 431);
    }

    @Test
    void unknownRoutesWrongMethodsAndMissingTokensAreProblemsToo() throws Exception {
        assertProblem(send("GET /nothing/here HTTP/1.1\r\nConnection: close\r\n\r\n"), 404);
        assertEquals("GET, PUT", send("DELETE /echo/1 HTTP/1.1\r\nConnection: close\r\n\r\n").header("allow").orElseThrow());
        assertProblem(send("DELETE /echo/1 HTTP/1.1\r\nConnection: close\r\n\r\n"), 405);
        assertProblem(send("GET /me HTTP/1.1\r\nConnection: close\r\n\r\n"), 401);
        assertProblem(send("GET /me HTTP/1.1\r\nAuthorization: Bearer x.y.z\r\nConnection: close\r\n\r\n"), 401);
    }

    @Test
    void rawUtf8InAPathReachesTheFunctionDecoded() throws Exception {
        byte[] request = RawHttp.request("GET", "/echo/沪建安C3（2026）0000001", Map.of(), null);
        RawHttp.Reply reply = RawHttp.send(gateway.baseUrl(), request);

        assertEquals(200, reply.status(), reply.toString());
        JsonNode event = Json.MAPPER.readTree(reply.body());
        assertEquals("沪建安C3（2026）0000001", event.at("/pathParameters/id").asText());
        assertEquals("/echo/%E6%B2%AA%E5%BB%BA%E5%AE%89C3%EF%BC%882026%EF%BC%890000001", event.get("rawPath").asText());
    }

    @Test
    void aChunkedBodyWaitingFor100ContinueReachesTheFunction() throws Exception {
        RawHttp.Reply reply = send("PUT /echo/1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
                + "5;ext=1\r\n{\"a\":\r\n3\r\n12}\r\n0\r\nTrailer: x\r\n\r\n");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("{\"a\":12}", Json.MAPPER.readTree(reply.body()).get("body").asText());
    }

    @Test
    void oneConnectionCarriesRequestsOneAfterAnotherAndHeadHasNoBody() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.baseUrl().getPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(("PUT /echo/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
                    + "GET /echo/2?tag=a HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawHttp.Reply first = RawHttp.read(in);
            RawHttp.Reply second = RawHttp.read(in);
            assertEquals("{}", Json.MAPPER.readTree(first.body()).get("body").asText());
            assertEquals("a", Json.MAPPER.readTree(second.body()).at("/queryStringParameters/tag").asText());
            assertTrue(first.header("apigw-requestid").isPresent());

            out.write("HEAD /echo/3 HTTP/1.1\r\nHost: x\r\n\r\nGET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(rest.startsWith("HTTP/1.1 405"), rest);
            assertTrue(rest.substring(rest.indexOf("\r\n\r\n") + 4).startsWith("HTTP/1.1 404"), "HEAD has no body: " + rest);
        }
    }
}
