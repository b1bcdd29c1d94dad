package anguan.aws.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a client puts in a path or body is read or refused with a 400, never a 500. */
class ApiRequestTest {
    record Body(String name) {
    }

    /** How often an action got past reading its request, as far as a lookup would go. */
    private final AtomicInteger lookups = new AtomicInteger();
    private final Routes routes = new Routes()
            .on("GET /things/{no}", "person", r -> {
                String no = r.path("no");
                lookups.incrementAndGet();
                return ApiResponse.ok(Map.of("no", no));
            })
            .on("PUT /things", "person", r -> {
                Body body = r.body(Body.class, 1000);
                lookups.incrementAndGet();
                return ApiResponse.ok(body);
            });

    private static RequestContext person() {
        return RequestContext.builder().withRequestId("req-1").withAuthorizer(RequestContext.Authorizer.builder()
                .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(Map.of("role", "person")).build()).build()).build();
    }

    private APIGatewayV2HTTPResponse get(String no) {
        return routes.dispatch(APIGatewayV2HTTPEvent.builder().withRouteKey("GET /things/{no}")
                .withPathParameters(Map.of("no", no)).withRequestContext(person()).build());
    }

    private APIGatewayV2HTTPResponse put(String body, boolean base64) {
        return routes.dispatch(APIGatewayV2HTTPEvent.builder().withRouteKey("PUT /things").withBody(body)
                .withIsBase64Encoded(base64).withRequestContext(person()).build());
    }

    private static void assertBadRequest(APIGatewayV2HTTPResponse r) throws Exception {
        assertEquals(400, r.getStatusCode(), r.getBody());
        assertTrue(r.getHeaders().get("content-type").startsWith("application/problem+json"));
        JsonNode problem = Json.MAPPER.readTree(r.getBody());
        assertEquals(400, problem.get("status").asInt());
        assertEquals("BAD_REQUEST", problem.get("code").asText());
        assertTrue(problem.get("detail").asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                problem.get("detail").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%zz", "50%", "%", "%E6%B2", "W2026%2", "%C3%28", "%ED%A0%80"})
    void aPathParameterWithABrokenEscapeIsABadRequest(String no) throws Exception {
        assertBadRequest(get(no));
        assertEquals(0, lookups.get());
    }

    @Test
    void aPathParameterLongerThanAnyIdentifierIsRefusedBeforeAnyLookup() throws Exception {
        assertBadRequest(get("W".repeat(3000)));
        assertBadRequest(get("%E6%B2%AA".repeat(200)));
        assertEquals(0, lookups.get());
    }

    @Test
    void aPlusSignInAPathIsAPlusSignNotASpace() throws Exception {
        assertEquals("A+B", Json.MAPPER.readTree(get("A+B").getBody()).get("no").asText());
        assertEquals("A+B C", Json.MAPPER.readTree(get("A%2BB%20C").getBody()).get("no").asText());
    }

    @Test
    void aBodyMarkedBase64ThatIsNotBase64IsABadRequest() throws Exception {
        assertBadRequest(put("not base64 at all!", true));
        assertBadRequest(put("@@@@", true));
        assertBadRequest(put("e", true));
        assertEquals(0, lookups.get());
    }

    @Test
    void aBase64BodyThatIsNotUtf8IsABadRequest() throws Exception {
        assertBadRequest(put(Base64.getEncoder().encodeToString(new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}'}), true));
        assertEquals(0, lookups.get());
    }

    @Test
    void aBase64BodyOfJsonIsRead() throws Exception {
        var r = put(Base64.getEncoder().encodeToString("{\"name\":\"张三\"}".getBytes(StandardCharsets.UTF_8)), true);

        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("张三", Json.MAPPER.readTree(r.getBody()).get("name").asText());
        assertFalse(r.getBody().contains("\\u"));
    }
}
