package anguan.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.json.Json;
import anguan.domain.registry.RegistryService;
import anguan.domain.testing.InMemoryRegistry;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The registry function driven by the sample events in events/registry (the same files `sam local invoke -e` takes). */
class RegistryHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    private final InMemoryRegistry store = new InMemoryRegistry(CLOCK);
    private final RegistryHandler handler = new RegistryHandler(new RegistryService(store, store.enterpriseRepository(),
            store.certificateRepository(), store, CLOCK), CLOCK);

    @ParameterizedTest
    @Event(value = "../../events/registry/put-person.json", type = APIGatewayV2HTTPEvent.class)
    void aPersonFeedIsStoredAndAnsweredMasked(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertEquals("11**************2X", body.get("idNo").asText());
        assertEquals("139******78", body.get("mobile").asText());
        assertEquals("王晓丽", body.get("name").asText());
        assertEquals("F", body.get("gender").asText());
        assertEquals("13912345678", store.find("11010519491231002X").orElseThrow().mobile());
    }

    @Test
    void lambdaHandsThePayloadOverAsBytesAndGetsTheResponseBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = Files.newInputStream(Path.of("../../events/registry/put-person.json"))) {
            handler.handleRequest(in, out, null);
        }

        JsonNode response = Json.MAPPER.readTree(out.toByteArray());
        assertEquals(200, response.get("statusCode").asInt());
        assertTrue(response.get("headers").get("content-type").asText().startsWith("application/json"));
        assertEquals("11**************2X", Json.MAPPER.readTree(response.get("body").asText()).get("idNo").asText());
    }

    @ParameterizedTest
    @Event(value = "../../events/registry/put-person.json", type = APIGatewayV2HTTPEvent.class)
    void theSameFeedTwiceChangesNothing(APIGatewayV2HTTPEvent event) {
        handler.handle(event);
        var first = store.find("11010519491231002X").orElseThrow();
        APIGatewayV2HTTPResponse again = handler.handle(event);

        assertEquals(200, again.getStatusCode());
        var second = store.find("11010519491231002X").orElseThrow();
        assertEquals(first.name(), second.name());
        assertEquals(first.mobile(), second.mobile());
        assertEquals(first.birthDate(), second.birthDate());
    }

    @ParameterizedTest
    @Event(value = "../../events/registry/put-person-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void aBadPersonFeedIsRefusedWithEveryViolationAndStoresNothing(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(422, response.getStatusCode(), response.getBody());
        assertTrue(response.getHeaders().get("content-type").startsWith("application/problem+json"));
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertEquals("VALIDATION_FAILED", body.get("code").asText());
        Set<String> codes = new HashSet<>();
        body.get("violations").forEach(v -> codes.add(v.get("code").asText() + "@" + v.get("field").asText()));
        assertTrue(codes.containsAll(Set.of("INVALID_ID_NUMBER@idNo", "INVALID_VALUE@gender", "INVALID_DATE@birthDate",
                "INVALID_MOBILE@mobile")), codes.toString());
        assertTrue(store.find("110105194912310021").isEmpty());
    }

    @ParameterizedTest
    @Event(value = "../../events/registry/put-person-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void aMistypedIdNumberIsAnsweredMaskedNeverInFull(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(422, response.getStatusCode(), response.getBody());
        assertFalse(response.getBody().contains("110105194912310021"), response.getBody());
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        JsonNode idNo = null;
        for (JsonNode v : body.get("violations")) {
            idNo = v.get("field").asText().equals("idNo") ? v : idNo;
        }
        assertEquals("证件号码无效：11**************21", idNo.get("message").asText());
        assertTrue(body.get("detail").asText().contains("11**************21"), body.get("detail").asText());
    }

    @ParameterizedTest
    @Event(value = "../../events/registry/put-enterprise.json", type = APIGatewayV2HTTPEvent.class)
    void anEnterpriseFeedNeverEchoesItsSigningPassword(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertFalse(response.getBody().contains("Pw-123456"));
        assertFalse(response.getBody().contains("pbkdf2"));
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertEquals("上海浦江建设工程有限公司", body.get("name").asText());
        assertTrue(body.get("hasSigningPassword").asBoolean());
    }

    @ParameterizedTest
    @Event(value = "../../events/registry/put-enterprise.json", type = APIGatewayV2HTTPEvent.class)
    void anEnterprisesContactMobileIsStoredAndAnsweredMasked(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("139******78", Json.MAPPER.readTree(response.getBody()).get("contactMobile").asText());
        assertFalse(response.getBody().contains("13912345678"));
        assertEquals("13912345678", store.enterpriseRepository().find("91310000MA1FL4CT2Q").orElseThrow().contactMobile());
    }

    @ParameterizedTest
    @Event(value = "../../events/registry/put-employment.json", type = APIGatewayV2HTTPEvent.class)
    void anEmploymentIsRegistered(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(1, store.employments("11010519491231002X").size());
    }

    @ParameterizedTest
    @Event(value = "../../events/registry/post-exam-result.json", type = APIGatewayV2HTTPEvent.class)
    void anExamResultIsRecordedOnceHoweverOftenItIsSent(APIGatewayV2HTTPEvent event) {
        assertEquals(200, handler.handle(event).getStatusCode());
        assertEquals(200, handler.handle(event).getStatusCode());

        assertEquals(1, store.exams("11010519491231002X").size());
    }

    @ParameterizedTest
    @Event(value = "../../events/registry/put-person-as-person.json", type = APIGatewayV2HTTPEvent.class)
    void aPersonCannotFeedTheRegistry(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(403, response.getStatusCode());
        assertEquals("FORBIDDEN", Json.MAPPER.readTree(response.getBody()).get("code").asText());
        assertTrue(store.find("11010519491231002X").isEmpty());
    }
}
