package anguan.submit;

import anguan.domain.testing.TextForms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.json.Json;
import anguan.domain.application.ApplicationChanges;
import anguan.domain.application.ApplicationService;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.NewApplication;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.registry.Feeds;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The submit function driven by the sample events in events/submit. */
class SubmitHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
    private static final String ID_NO = "11010519491231002X";
    private static final String USCC = "91310000MA1FL4CT2Q";
    /** A 1×1 PNG. */
    private static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private final InMemoryRegistry store = new InMemoryRegistry(CLOCK);
    private final SubmitHandler handler = new SubmitHandler(new ApplicationService(store.applicationRepository(),
            store.claimRepository(), store, store.enterpriseRepository(), store.certificateRepository(), store, new TextForms(), store, CLOCK), CLOCK);

    @BeforeEach
    void registries() {
        RegistryService registry = new RegistryService(store, store.enterpriseRepository(), store.certificateRepository(), store, CLOCK);
        registry.upsertEnterprise(USCC, new Feeds.EnterpriseFeed("上海浦江建设工程有限公司", null, null));
        registry.upsertPerson(ID_NO, new Feeds.PersonFeed("王晓丽", "F", "1949-12-31", "ID_CARD", "13912345678", null, null));
        registry.upsertEmployment(ID_NO, USCC, new Feeds.EmploymentFeed("2022-03-01", null));
        registry.recordExam(new Feeds.ExamFeed(ID_NO, "INITIAL", "C3", "2026-10-20", true));
    }

    @ParameterizedTest
    @Event(value = "../../events/submit/get-me.json", type = APIGatewayV2HTTPEvent.class)
    void mySelfCarriesMyIdNumberAndMobileWhole(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode me = Json.MAPPER.readTree(response.getBody());
        assertEquals(ID_NO, me.get("idNo").asText());
        assertEquals("13912345678", me.get("mobile").asText());
        assertEquals(USCC, me.get("employments").get(0).get("uscc").asText());
        assertEquals("上海浦江建设工程有限公司", me.get("employments").get(0).get("enterpriseName").asText());
    }

    @Test
    void lambdaHandsThePayloadOverAsBytesAndGetsTheResponseBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = Files.newInputStream(Path.of("../../events/submit/get-me.json"))) {
            handler.handleRequest(in, out, null);
        }

        JsonNode response = Json.MAPPER.readTree(out.toByteArray());
        assertEquals(200, response.get("statusCode").asInt());
        assertEquals(ID_NO, Json.MAPPER.readTree(response.get("body").asText()).get("idNo").asText());
    }

    @ParameterizedTest
    @Event(value = "../../events/submit/create-first-issue.json", type = APIGatewayV2HTTPEvent.class)
    void aFirstIssueStartsAsADraftPrefilledFromTheRegistries(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode a = Json.MAPPER.readTree(response.getBody());
        assertEquals("W2026112700001", a.get("applicationNo").asText());
        assertEquals("DRAFT", a.get("status").asText());
        assertEquals("个人填报", a.get("statusName").asText());
        assertEquals("考核发证", a.get("typeName").asText());
        assertEquals("专职安全生产管理人员", a.get("positionName").asText());
        assertEquals("11**************2X", a.get("applicant").get("idNo").asText());
        assertEquals("139******78", a.get("applicant").get("mobile").asText());
        assertEquals(USCC, a.get("enterprise").get("uscc").asText());
        assertEquals("2026-10-20", a.get("exams").get(0).get("examDate").asText());
        assertTrue(a.get("createdAt").asText().endsWith("+08:00"), a.get("createdAt").asText());
        assertEquals(1, a.get("version").asLong());
    }

    @ParameterizedTest
    @Event(value = "../../events/submit/create-malformed.json", type = APIGatewayV2HTTPEvent.class)
    void malformedJsonIsABadRequestAndCreatesNothing(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(400, response.getStatusCode());
        assertEquals("BAD_REQUEST", Json.MAPPER.readTree(response.getBody()).get("code").asText());
        assertTrue(store.ofApplicant(ID_NO).isEmpty());
    }

    @ParameterizedTest
    @Event(value = "../../events/submit/list-applications.json", type = APIGatewayV2HTTPEvent.class)
    void theListShowsOnlyMyApplicationsNewestFirst(APIGatewayV2HTTPEvent event) throws Exception {
        var service = new ApplicationService(store.applicationRepository(), store.claimRepository(), store,
                store.enterpriseRepository(), store.certificateRepository(), store, new TextForms(), store, CLOCK);
        service.create(ID_NO, new anguan.domain.application.NewApplication(
                anguan.domain.application.ApplicationType.FIRST_ISSUE, anguan.domain.certificate.Category.C3, null, null, null, null));

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode page = Json.MAPPER.readTree(response.getBody());
        assertEquals(1, page.get("total").asInt());
        assertEquals(1, page.get("page").asInt());
        assertEquals(10, page.get("size").asInt());
        assertEquals("W2026112700001", page.get("items").get(0).get("applicationNo").asText());
    }

    /** W2026112700001 of a person with a registry photo, phone and consent filled in: at version 2. */
    private ApplicationService filledDraft() {
        new RegistryService(store, store.enterpriseRepository(), store.certificateRepository(), store, CLOCK)
                .upsertPerson(ID_NO, new Feeds.PersonFeed("王晓丽", "F", "1949-12-31", "ID_CARD", "13912345678", PNG, null));
        var service = new ApplicationService(store.applicationRepository(), store.claimRepository(), store,
                store.enterpriseRepository(), store.certificateRepository(), store, new TextForms(), store, CLOCK);
        service.create(ID_NO, new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, null));
        service.save(ID_NO, "W2026112700001", new ApplicationChanges("021-64881234", true, null, null, null, null, 1L));
        return service;
    }

    @ParameterizedTest
    @Event(value = "../../events/submit/submit-seen-version.json", type = APIGatewayV2HTTPEvent.class)
    void aSubmitOfTheVersionOnScreenIsRecordedAndASecondOfItIsAConflict(APIGatewayV2HTTPEvent event) throws Exception {
        filledDraft();

        APIGatewayV2HTTPResponse first = handler.handle(event);
        APIGatewayV2HTTPResponse second = handler.handle(event);

        assertEquals(200, first.getStatusCode(), first.getBody());
        assertEquals(3, Json.MAPPER.readTree(first.getBody()).get("version").asLong());
        assertEquals(409, second.getStatusCode(), second.getBody());
        assertEquals("CONCURRENT_UPDATE", Json.MAPPER.readTree(second.getBody()).get("code").asText());
    }

    @ParameterizedTest
    @Event(value = "../../events/submit/submit-seen-version.json", type = APIGatewayV2HTTPEvent.class)
    void aSubmitWithAVersionThatIsNoNumberIsABadRequest(APIGatewayV2HTTPEvent event) throws Exception {
        filledDraft();
        event.setBody("{\"version\": \"zwei\"}");

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals(2, store.applicationRepository().find("W2026112700001").orElseThrow().version());
    }
}
