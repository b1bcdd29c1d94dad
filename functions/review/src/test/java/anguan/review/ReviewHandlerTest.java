package anguan.review;

import static anguan.aws.testing.HandlerResponses.assertProblem;
import static anguan.aws.testing.HandlerResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.ApplicationDocuments;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.issuance.IssueOrder;
import anguan.domain.notification.Notice;
import anguan.domain.review.ReviewService;
import anguan.domain.person.Gender;
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.SignedByBoth;
import anguan.domain.testing.TestClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;

/** The review function driven by the sample events in events/review. */
class ReviewHandlerTest {
    private static final String ID_NO = "11010519491231002X";
    private static final String USCC = "91310000MA1FL4CT2Q";
    private static final String NO = "W2026112700001";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));
    private final InMemoryRegistry store = new InMemoryRegistry(clock);
    private final ReviewHandler handler = new ReviewHandler(new ReviewService(store.applicationRepository(), store.claimRepository(),
            store.issueQueue(), store.noticeQueue(), store, store.enterpriseRepository(), clock),
            new ApplicationDocuments(store.applicationRepository(), store), clock);

    /** W2026112700001, a 考核发证 of 陈静's, signed by her and by 上海申通建设有限公司: under review since an hour. */
    @BeforeEach
    void underReview() {
        SignedByBoth signed = new SignedByBoth(store, clock);
        signed.enterprise(USCC, "上海申通建设有限公司", "13700002222");
        signed.person(ID_NO, "陈静", Gender.F, "13912340000", USCC, LocalDate.of(2026, 10, 8), Category.C3);
        assertEquals(NO, signed.underReview(ID_NO, USCC, Category.C3, Position.P08).applicationNo());
        clock.advance(Duration.ofHours(1));
    }



    private List<Notice> decisionNotices() {
        return store.notices().stream().filter(n -> n.id().startsWith("decided:")).toList();
    }

    @ParameterizedTest
    @Event(value = "../../events/review/list-queue.json", type = APIGatewayV2HTTPEvent.class)
    void theQueueShowsTheApplicationMasked(APIGatewayV2HTTPEvent event) throws Exception {
        JsonNode page = json(handler.handle(event));

        assertEquals(1, page.get("total").asInt(), page.toString());
        JsonNode a = page.get("items").get(0);
        assertEquals(NO, a.get("applicationNo").asText());
        assertEquals("UNDER_REVIEW", a.get("status").asText());
        assertEquals("11**************2X", a.get("applicant").get("idNo").asText());
        assertEquals("139******00", a.get("applicant").get("mobile").asText());
        assertFalse(page.toString().contains(ID_NO));
    }

    @ParameterizedTest
    @Event(value = "../../events/review/list-queue.json", type = APIGatewayV2HTTPEvent.class)
    void theFiltersNarrowTheQueue(APIGatewayV2HTTPEvent event) throws Exception {
        event.setQueryStringParameters(Map.of("name", "静", "from", "2026-11-27", "to", "2026-11-27", "type", "FIRST_ISSUE"));
        assertEquals(1, json(handler.handle(event)).get("total").asInt());
        event.setQueryStringParameters(Map.of("idNo", "310101199001011234"));
        assertEquals(0, json(handler.handle(event)).get("total").asInt());
        event.setQueryStringParameters(Map.of("status", "APPROVED"));
        assertEquals(0, json(handler.handle(event)).get("total").asInt());
    }

    @ParameterizedTest
    @Event(value = "../../events/review/list-queue.json", type = APIGatewayV2HTTPEvent.class)
    void aBackwardsOrTooWideRangeIsRefusedInChinese(APIGatewayV2HTTPEvent event) throws Exception {
        event.setQueryStringParameters(Map.of("from", "2026-11-27", "to", "2026-11-26"));
        assertProblem(handler.handle(event), 422, "DATE_RANGE_INVALID");
        event.setQueryStringParameters(Map.of("status", "APPROVED", "from", "2025-11-26", "to", "2026-11-27"));
        APIGatewayV2HTTPResponse tooWide = handler.handle(event);
        assertProblem(tooWide, 422, "DATE_RANGE_TOO_WIDE");
        assertTrue(json(tooWide).get("detail").asText().contains("366天"), tooWide.getBody());
        event.setQueryStringParameters(Map.of("status", "APPROVED", "from", "2025-11-27", "to", "2026-11-27"));
        assertEquals(200, handler.handle(event).getStatusCode());
    }

    @ParameterizedTest
    @Event(value = "../../events/review/list-bad-date.json", type = APIGatewayV2HTTPEvent.class)
    void aDateThatIsNoDateIsABadRequest(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertProblem(response, 400, null);
        assertTrue(json(response).get("detail").asText().contains("yyyy-MM-dd"), response.getBody());
    }

    @ParameterizedTest
    @Event(value = "../../events/review/get-application.json", type = APIGatewayV2HTTPEvent.class)
    void theDetailsAreTheApplication(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("评审中", json(response).get("statusName").asText());
        event.setPathParameters(Map.of("no", "W2026112700002"));
        assertProblem(handler.handle(event), 404, null);
    }

    @ParameterizedTest
    @Event(value = "../../events/review/get-events.json", type = APIGatewayV2HTTPEvent.class)
    void theTrailEndsWithTheEnterprisesSignatureActorMasked(APIGatewayV2HTTPEvent event) throws Exception {
        JsonNode items = json(handler.handle(event)).get("items");

        assertEquals("CREATED", items.get(0).get("action").asText());
        assertEquals("ENTERPRISE_SIGNED", items.get(items.size() - 1).get("action").asText());
        assertFalse(items.toString().contains(ID_NO));
    }

    @ParameterizedTest
    @Event(value = "../../events/review/get-signed-form.json", type = APIGatewayV2HTTPEvent.class)
    void theSignedFormIsALink(APIGatewayV2HTTPEvent event) throws Exception {
        JsonNode link = json(handler.handle(event));

        assertTrue(link.get("fileName").asText().matches("考核发证申请表_\\d{14}_sign\\.pdf"), link.toString());
        assertTrue(link.get("url").asText().contains("signed-form"), link.toString());
        event.setPathParameters(Map.of("no", NO, "kind", "certificate"));
        assertProblem(handler.handle(event), 404, null);
    }

    @ParameterizedTest
    @Event(value = "../../events/review/approve.json", type = APIGatewayV2HTTPEvent.class)
    void anApprovalIsRecordedOrdersTheCertificateAndTellsBothParties(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode a = json(response);
        assertEquals("APPROVED", a.get("status").asText());
        assertEquals("事项结束（准予许可）", a.get("statusName").asText());
        assertEquals("2026-11-27T11:00:00+08:00", a.get("decidedAt").asText());
        assertEquals("APPROVE", a.get("decision").get("result").asText());
        assertEquals(List.of(IssueOrder.approved(NO, clock.instant())), store.issueOrders());
        assertEquals(List.of("13700002222", "13912340000"), decisionNotices().stream().map(Notice::mobile).toList());
        assertEquals("reviewer-007", store.applicationRepository().events(NO).getLast().actor());

        APIGatewayV2HTTPResponse again = handler.handle(event);
        assertProblem(again, 409, "INVALID_STATE");
    }

    @ParameterizedTest
    @Event(value = "../../events/review/reject.json", type = APIGatewayV2HTTPEvent.class)
    void aRejectionNeedsAnOpinion(APIGatewayV2HTTPEvent event) throws Exception {
        event.setBody("{\"decision\":\"REJECT\",\"opinion\":\"\"}");
        assertProblem(handler.handle(event), 422, "OPINION_REQUIRED");
        event.setBody("{\"decision\":\"MAYBE\"}");
        assertProblem(handler.handle(event), 400, null);
        event.setBody("{\"opinion\":\"好\"}");
        assertProblem(handler.handle(event), 422, "DECISION_REQUIRED");
        event.setBody("{\"decision\":\"APPROVE\",\"version\":1}");
        assertProblem(handler.handle(event), 409, "CONCURRENT_UPDATE");
        assertEquals(List.of(), store.issueOrders());

        event.setBody("{\"decision\":\"REJECT\",\"opinion\":\"继续教育记录与证件不符\"}");
        APIGatewayV2HTTPResponse response = handler.handle(event);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("REJECTED", json(response).get("status").asText());
        assertEquals("继续教育记录与证件不符", json(response).get("decision").get("opinion").asText());
        assertTrue(decisionNotices().stream().allMatch(n -> n.text().contains("不予许可")));
        assertEquals(List.of(), store.claims(ID_NO));
    }

    @ParameterizedTest
    @Event(value = "../../events/review/approve.json", type = APIGatewayV2HTTPEvent.class)
    void onlyAReviewerMayDecide(APIGatewayV2HTTPEvent event) throws Exception {
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("role", "enterprise", "uscc", USCC));
        assertProblem(handler.handle(event), 403, null);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("role", "reviewer"));
        assertProblem(handler.handle(event), 403, null);
        assertEquals(List.of(), store.issueOrders());
    }
}
