package anguan.aws.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.json.Json;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Violation;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing, roles, request parsing and problem+json, as every function uses them. */
class RoutesTest {
    record Body(String name, Boolean consent, Long version) {
    }

    private final Routes routes = new Routes()
            .on("PUT /things/{no}", "person", r -> ApiResponse.ok(Map.of("no", r.path("no"), "body", r.body(Body.class, 100))))
            .on("GET /things", "person", r -> ApiResponse.ok(Map.of("page", r.intQuery("page", 1, 1, 10))))
            .on("POST /fail", "person", r -> {
                throw DomainProblem.validationFailed(List.of(new Violation("EXAM_NOT_PASSED", "category", "未查询到考试通过信息"),
                        new Violation("CONSENT_REQUIRED", "consent", "请勾选申请人员意见")));
            })
            .onPublic("GET /public/things/{no}", r -> ApiResponse.ok(Map.of("no", r.path("no"),
                    "accept", r.header("Accept").orElse("none"))))
            .on("POST /crash", "person", r -> {
                throw new IllegalStateException("secret detail 11010519491231002X");
            });

    private static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> path, Map<String, String> query,
                                               String body, String role) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withPathParameters(path).withQueryStringParameters(query)
                .withBody(body).withRequestContext(RequestContext.builder().withRequestId("req-1")
                        .withAuthorizer(RequestContext.Authorizer.builder().withJwt(RequestContext.Authorizer.JWT.builder()
                                .withClaims(Map.of("role", role)).build()).build()).build())
                .build();
    }

    private static JsonNode json(APIGatewayV2HTTPResponse r) throws Exception {
        return Json.MAPPER.readTree(r.getBody());
    }

    @Test
    void aPathParameterIsDecodedAndTheBodyRead() throws Exception {
        var r = routes.dispatch(event("PUT /things/{no}", Map.of("no", "%E6%B2%AA%E5%BB%BA%E5%AE%89C3%EF%BC%882026%EF%BC%890000001"),
                null, "{\"name\":\"张三\",\"consent\":true,\"version\":3}", "person"));

        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("沪建安C3（2026）0000001", json(r).get("no").asText());
        assertEquals(3, json(r).get("body").get("version").asInt());
    }

    @Test
    void malformedJsonWrongTypesAndOversizedBodiesAreBadRequests() throws Exception {
        for (String body : List.of("{\"name\":", "{\"consent\":\"yes\"}", "{\"version\":\"3\"}", "[1,2]", "",
                "{\"name\":\"" + "x".repeat(200) + "\"}")) {
            var r = routes.dispatch(event("PUT /things/{no}", Map.of("no", "1"), null, body, "person"));
            assertEquals(400, r.getStatusCode(), body + " -> " + r.getBody());
            assertEquals("BAD_REQUEST", json(r).get("code").asText());
            assertTrue(r.getHeaders().get("content-type").startsWith("application/problem+json"));
        }
    }

    @Test
    void theWrongRoleIsForbiddenAndAnUnknownRouteNotFound() throws Exception {
        assertEquals("FORBIDDEN", json(routes.dispatch(event("GET /things", null, null, null, "enterprise"))).get("code").asText());
        assertEquals(403, routes.dispatch(event("GET /things", null, null, null, "enterprise")).getStatusCode());
        assertEquals(404, routes.dispatch(event("GET /nothing", null, null, null, "person")).getStatusCode());
    }

    @Test
    void aPublicRouteAnswersWithoutClaimsAndWithAnyRoleAndReadsHeadersWhateverTheirCase() throws Exception {
        var anonymous = APIGatewayV2HTTPEvent.builder().withRouteKey("GET /public/things/{no}").withPathParameters(Map.of("no", "7"))
                .withHeaders(Map.of("accept", "text/html")).withRequestContext(RequestContext.builder().withRequestId("req-2").build())
                .build();
        var r = routes.dispatch(anonymous);

        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("text/html", json(r).get("accept").asText());
        assertEquals(200, routes.dispatch(event("GET /public/things/{no}", Map.of("no", "7"), null, null, "enterprise")).getStatusCode());
        assertEquals("none", json(routes.dispatch(event("GET /public/things/{no}", Map.of("no", "7"), null, null, "person")))
                .get("accept").asText());
    }

    @Test
    void aQueryOutsideItsRangeIsABadRequest() {
        assertEquals(200, routes.dispatch(event("GET /things", null, Map.of("page", "2"), null, "person")).getStatusCode());
        assertEquals(400, routes.dispatch(event("GET /things", null, Map.of("page", "11"), null, "person")).getStatusCode());
        assertEquals(400, routes.dispatch(event("GET /things", null, Map.of("page", "two"), null, "person")).getStatusCode());
    }

    @Test
    void everyViolationTravelsInOneProblem() throws Exception {
        var r = routes.dispatch(event("POST /fail", null, null, null, "person"));

        assertEquals(422, r.getStatusCode());
        JsonNode problem = json(r);
        assertEquals(422, problem.get("status").asInt());
        assertEquals("VALIDATION_FAILED", problem.get("code").asText());
        assertEquals("申请校验未通过", problem.get("title").asText());
        assertEquals(2, problem.get("violations").size());
        assertEquals("category", problem.get("violations").get(0).get("field").asText());
        assertTrue(problem.get("detail").asText().contains("请勾选申请人员意见"));
    }

    @Test
    void anUnexpectedErrorIsA500WithoutItsDetails() throws Exception {
        var r = routes.dispatch(event("POST /crash", null, null, null, "person"));

        assertEquals(500, r.getStatusCode());
        assertEquals("INTERNAL_ERROR", json(r).get("code").asText());
        assertFalse(r.getBody().contains("secret detail"));
        assertFalse(r.getBody().contains("11010519491231002X"));
        assertFalse(r.getBody().contains("IllegalStateException"));
        assertTrue(r.getBody().contains("req-1"), "the request id lets support find the log line");
    }
}
