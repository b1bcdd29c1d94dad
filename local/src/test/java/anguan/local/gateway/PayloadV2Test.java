package anguan.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.template.HttpRoute;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayloadV2Test {
    private static final HttpRoute ROUTE = new HttpRoute("PUT", "/registry/certificates/{certificateNo}", "RegistryFunction",
            "PutCertificate", Optional.of("JwtAuthorizer"));
    private static final Instant NOW = Instant.parse("2026-11-27T06:09:40.123Z");

    @Test
    void theEventIsShapedAsApiGatewaySendsIt() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("x-multi", List.of("a", "b"));
        headers.put("cookie", List.of("a=1; b=2"));
        headers.put("host", List.of("127.0.0.1:3000"));
        headers.put("user-agent", List.of("curl/8"));
        GatewayRequest request = new GatewayRequest("PUT", "/registry/certificates/%E6%B2%AA", "page=1&tag=x&tag=y%20z",
                headers, "{\"a\":\"证\"}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1", Map.of("certificateNo", "沪"));

        JsonNode event = Json.MAPPER.readTree(PayloadV2.event(request, ROUTE, Map.of("role", "system"), "req-1", NOW));

        assertEquals("2.0", event.get("version").asText());
        assertEquals("PUT /registry/certificates/{certificateNo}", event.get("routeKey").asText());
        assertEquals("/registry/certificates/%E6%B2%AA", event.get("rawPath").asText());
        assertEquals("page=1&tag=x&tag=y%20z", event.get("rawQueryString").asText());
        assertEquals("a,b", event.at("/headers/x-multi").asText());
        assertTrue(event.at("/headers/cookie").isMissingNode());
        assertEquals(List.of("a=1", "b=2"), List.of(event.at("/cookies/0").asText(), event.at("/cookies/1").asText()));
        assertEquals("x,y z", event.at("/queryStringParameters/tag").asText());
        assertEquals("沪", event.at("/pathParameters/certificateNo").asText());
        assertEquals("PUT", event.at("/requestContext/http/method").asText());
        assertEquals("curl/8", event.at("/requestContext/http/userAgent").asText());
        assertEquals("$default", event.at("/requestContext/stage").asText());
        assertEquals("req-1", event.at("/requestContext/requestId").asText());
        assertEquals("27/Nov/2026:06:09:40 +0000", event.at("/requestContext/time").asText());
        assertEquals(NOW.toEpochMilli(), event.at("/requestContext/timeEpoch").asLong());
        assertEquals("system", event.at("/requestContext/authorizer/jwt/claims/role").asText());
        assertEquals("{\"a\":\"证\"}", event.get("body").asText());
        assertFalse(event.get("isBase64Encoded").asBoolean());
    }

    @Test
    void aBodyThatIsNotUtf8TravelsAsBase64() throws Exception {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF};
        GatewayRequest request = new GatewayRequest("PUT", "/x", "", Map.of(), binary, "127.0.0.1", "HTTP/1.1", Map.of());
        JsonNode event = Json.MAPPER.readTree(PayloadV2.event(request, ROUTE, null, "req-2", NOW));
        assertTrue(event.get("isBase64Encoded").asBoolean());
        assertEquals(Base64.getEncoder().encodeToString(binary), event.get("body").asText());
        assertTrue(event.at("/requestContext/authorizer").isMissingNode());
        assertTrue(event.get("queryStringParameters") == null);
    }

    @Test
    void aFunctionsResponseIsWrittenBackWithItsStatusHeadersAndDecodedBody() throws Exception {
        GatewayResponse response = HttpGateway.fromFunction("""
                {"statusCode":201,"headers":{"Content-Type":"application/pdf"},"cookies":["s=1"],
                 "body":"JVBERg==","isBase64Encoded":true}""");
        assertEquals(201, response.status());
        assertEquals(List.of("application/pdf"), response.headers().get("Content-Type"));
        assertEquals(List.of("s=1"), response.headers().get("Set-Cookie"));
        assertEquals("%PDF", response.bodyText());

        GatewayResponse plain = HttpGateway.fromFunction("{\"statusCode\":204}");
        assertEquals(204, plain.status());
        assertEquals(0, plain.body().length);

        GatewayResponse bare = HttpGateway.fromFunction("{\"hello\":\"world\"}");
        assertEquals(200, bare.status());
        assertEquals("{\"hello\":\"world\"}", bare.bodyText());
    }

    @Test
    void rawUtf8InTheRequestLineIsEscapedBackToWhatAClientShouldSend() {
        String asReadByTheJdk = new String("/a/沪".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("/a/%E6%B2%AA", HttpGateway.percentEncodeNonAscii(asReadByTheJdk));
        assertEquals("/plain", HttpGateway.percentEncodeNonAscii("/plain"));
    }
}
