package anguan.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import anguan.local.ProjectRoot;
import anguan.local.e2e.AuthorisationMatrix.Caller;
import anguan.local.template.HttpRoute;
import anguan.local.template.Template;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every route of template.yaml, called through the local runner by every kind of caller, answers
 * the status that {@code authorisation-matrix.tsv} states for it (API.md: 401 without a valid
 * token, 403 for the wrong role, 404 for another party's resource, success for the right party).
 * The routes come from the template the runner serves, so a new route without a row fails here.
 */
class AuthorisationMatrixIT {
    /** What API Gateway's JWT authorizer refuses: not a JWT at all. */
    private static final String GARBAGE_TOKEN = "not-a-jwt";
    private static final Map<Integer, String> CODES = Map.of(401, "UNAUTHORIZED", 403, "FORBIDDEN", 404, "NOT_FOUND");

    private static Api api;
    private static List<HttpRoute> routes;
    private static AuthorisationMatrix matrix;
    private static RouteRequests requests;
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();

    @BeforeAll
    static void partiesAndRoutes() {
        api = RunnerFixture.api();
        routes = Template.load(ProjectRoot.locate().resolve("template.yaml")).httpRoutes().stream()
                .filter(r -> !r.path().startsWith("/dev/"))
                .toList();
        matrix = AuthorisationMatrix.load();
        requests = new RouteRequests(api);
    }

    @Test
    void theTemplateHasRoutesToCheck() {
        assertFalse(routes.isEmpty(), "template.yaml declares no HttpApi route: the matrix would check nothing");
    }

    @Test
    void everyRowOfTheMatrixIsARouteOfTheTemplate() {
        Set<String> templateKeys = routeKeys();
        Set<String> stale = new LinkedHashSet<>(matrix.rows().keySet());
        stale.removeAll(templateKeys);
        assertTrue(stale.isEmpty(), () -> AuthorisationMatrix.RESOURCE + " has rows for routes template.yaml lacks: " + stale
                + "; remove them (or fix the route key: METHOD /path/{param} as in the template)");
    }

    @Test
    void everyRequestIsForARouteOfTheTemplate() {
        Set<String> stale = new LinkedHashSet<>(requests.routeKeys());
        stale.removeAll(routeKeys());
        assertTrue(stale.isEmpty(), () -> "RouteRequests knows how to call routes template.yaml lacks: " + stale);
    }

    @TestFactory
    Stream<DynamicContainer> everyCallerGetsTheStatusTheMatrixStates() {
        return routes.stream().map(route -> DynamicContainer.dynamicContainer(route.routeKey(),
                matrix.row(route.routeKey())
                        .map(row -> Stream.of(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                                "as " + caller.column + " → " + row.expected().get(caller),
                                () -> check(route, row, caller))))
                        .orElseGet(() -> Stream.of(DynamicTest.dynamicTest("has a row in the matrix", () -> fail(
                                route.routeKey() + " (" + route.function() + "." + route.eventName() + " in template.yaml) has no row in "
                                        + "local/src/test/resources" + AuthorisationMatrix.RESOURCE + ": add one that states who may call it,\n"
                                        + AuthorisationMatrix.rowTemplate(route.routeKey())
                                        + "\nand teach RouteRequests how to call it so that the authorised caller succeeds"))))));
    }

    private static void check(HttpRoute route, AuthorisationMatrix.Row row, Caller caller) {
        RouteRequests.Target target = requests.target(route.routeKey()).orElseThrow(() -> new AssertionError(
                route.routeKey() + " has a matrix row but RouteRequests has no request for it: add one whose body lets "
                        + "the authorised caller succeed"));
        String path = RouteRequests.path(route.path(), target.pathParameters());
        Api.Reply reply = api.call(route.method(), path, target.body(), token(caller, target));
        int expected = row.expected().get(caller);
        String call = route.routeKey() + " as " + caller.column + " (" + route.method() + " " + path + ")";

        assertEquals(expected, reply.status(), () -> call + ": the matrix (line " + row.line() + ", " + row.why() + ") says "
                + expected + ", the API answered " + reply);
        if (reply.status() >= 400) {
            assertIsAProblem(call, reply);
        } else {
            assertMaskedUnlessMe(route, call, reply);
            if (caller.isOtherParty()) {
                for (String ownersOnly : target.ownersOnly()) {
                    assertFalse(reply.raw().contains(ownersOnly), () -> call + " shows " + ownersOnly
                            + ", which belongs to the owner only: " + reply);
                }
            }
        }
    }

    /** API.md, Errors: application/problem+json with status, code, title and detail; the codes of 401/403/404 are fixed. */
    private static void assertIsAProblem(String call, Api.Reply reply) {
        assertTrue(reply.contentType().startsWith("application/problem+json"), () -> call + ": a " + reply.status()
                + " comes as application/problem+json, not '" + reply.contentType() + "'");
        JsonNode body = reply.body();
        assertTrue(body != null && body.isObject(), () -> call + ": the problem has no JSON body: " + reply);
        assertEquals(reply.status(), body.path("status").asInt(), () -> call + ": the problem's status: " + reply);
        for (String field : List.of("code", "title", "detail")) {
            assertFalse(body.path(field).asText().isBlank(), () -> call + ": the problem has no " + field + ": " + reply);
        }
        String code = CODES.get(reply.status());
        if (code != null) {
            assertEquals(code, body.get("code").asText(), () -> call + ": the code of a " + reply.status());
        }
    }

    /** ID numbers and mobiles are masked in every answer except GET /me. */
    private static void assertMaskedUnlessMe(HttpRoute route, String call, Api.Reply reply) {
        if (route.routeKey().equals("GET /me")) {
            return;
        }
        for (String identifier : requests.unmaskedIdentifiers()) {
            assertFalse(reply.raw().contains(identifier), () -> call + " shows " + identifier + " unmasked: " + reply);
        }
    }

    private static String token(Caller caller, RouteRequests.Target target) {
        return switch (caller) {
            case NONE -> null;
            case GARBAGE -> GARBAGE_TOKEN;
            case PERSON -> person(target.ownerIdNo());
            case OTHER_PERSON -> person(requests.q);
            case ENTERPRISE -> enterprise(target.ownerUscc());
            case OTHER_ENTERPRISE -> enterprise(requests.f);
            case REVIEWER -> tokens.computeIfAbsent("reviewer", k -> api.token(Map.of("role", "reviewer", "sub", "r1")));
            case SYSTEM -> tokens.computeIfAbsent("system", k -> api.system());
        };
    }

    private static String person(String idNo) {
        return tokens.computeIfAbsent("person " + idNo, k -> api.person(idNo));
    }

    private static String enterprise(String uscc) {
        return tokens.computeIfAbsent("enterprise " + uscc, k -> api.token(Map.of("role", "enterprise", "uscc", uscc)));
    }

    private static Set<String> routeKeys() {
        Set<String> keys = new LinkedHashSet<>();
        routes.forEach(r -> keys.add(r.routeKey()));
        return keys;
    }
}
