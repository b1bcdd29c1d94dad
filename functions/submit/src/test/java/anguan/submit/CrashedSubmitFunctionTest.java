package anguan.submit;

import anguan.domain.testing.TextForms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import anguan.aws.json.Json;
import anguan.domain.application.ApplicationService;
import anguan.domain.registry.Feeds;
import anguan.domain.registry.RegistryService;
import anguan.domain.testing.Faults;
import anguan.domain.testing.InMemoryRegistry;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;

/** The submit function when a write dies under it, driven by the fault seam of the domain's test-jar. */
class CrashedSubmitFunctionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
    private static final String ID_NO = "11010519491231002X";
    private static final String USCC = "91310000MA1FL4CT2Q";

    private final InMemoryRegistry store = new InMemoryRegistry(CLOCK);
    private final Faults faults = new Faults();
    private final SubmitHandler handler = new SubmitHandler(faults.wire(ApplicationService.class, store.applicationRepository(),
            store.claimRepository(), store, store.enterpriseRepository(), store.certificateRepository(), store, new TextForms(), store, CLOCK), CLOCK);

    CrashedSubmitFunctionTest() {
        RegistryService registry = new RegistryService(store, store.enterpriseRepository(), store.certificateRepository(), store, CLOCK);
        registry.upsertEnterprise(USCC, new Feeds.EnterpriseFeed("上海浦江建设工程有限公司", null, null));
        registry.upsertPerson(ID_NO, new Feeds.PersonFeed("王晓丽", "F", "1949-12-31", "ID_CARD", "13912345678", null, null));
        registry.upsertEmployment(ID_NO, USCC, new Feeds.EmploymentFeed("2022-03-01", null));
    }

    @ParameterizedTest
    @Event(value = "../../events/submit/create-first-issue.json", type = APIGatewayV2HTTPEvent.class)
    void aCreateThatDiesAfterStoringItsDraftAnswersARetryableProblemWithoutItsInsides(APIGatewayV2HTTPEvent event) throws Exception {
        faults.failAt(2, Faults.When.AFTER);

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(500, response.getStatusCode());
        assertEquals("application/problem+json; charset=utf-8", response.getHeaders().get("content-type"));
        JsonNode problem = Json.MAPPER.readTree(response.getBody());
        assertEquals("INTERNAL_ERROR", problem.get("code").asText());
        assertEquals("系统繁忙", problem.get("title").asText());
        assertFalse(response.getBody().contains("crash") || response.getBody().contains("anguan."), response.getBody());
        assertEquals(1, store.ofApplicant(ID_NO).size(), "the draft was stored although the person was told it failed");

        APIGatewayV2HTTPResponse retried = handler.handle(event);

        assertEquals(201, retried.getStatusCode(), retried.getBody());
        assertEquals(1, store.ofApplicant(ID_NO).size(), "the client's retry finds the draft it stored, no second one");
    }
}
