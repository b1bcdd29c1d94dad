package anguan.local.e2e;

import static anguan.local.e2e.World.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.enterprise.Uscc;
import anguan.domain.person.IdNumber;
import anguan.domain.testing.Gen;
import anguan.domain.testing.Property;
import anguan.local.LocalRunner;
import anguan.local.fixture.RawHttp;
import anguan.local.template.HttpRoute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of template.yaml, as the runner's own template reader lists them (a new route is
 * fuzzed the day it is declared), gets arbitrary requests ({@link ArbitraryRequests}) under a
 * token of its own role or another. Whatever is sent:
 * <ul>
 *   <li>never a 5xx, and never a stack trace or an HTML page;</li>
 *   <li>every 4xx is {@code application/problem+json} whose {@code status} is the HTTP status,
 *       with a {@code code} and a Chinese {@code title} and {@code detail};</li>
 *   <li>no answer carries a full ID number or mobile, except {@code GET /me} its caller's own (not
 *       even an error that repeats what the request itself sent).</li>
 * </ul>
 * A failure names the request and the seed; {@code -Danguan.seed=<seed>} replays the same requests
 * (the fixtures' identifiers come from the seed too).
 */
class FuzzIT {
    /** Bounded for CI (well under a minute with the runner's start); {@code -Danguan.fuzz.tries=N} digs deeper. */
    private static final int TRIES = Integer.getInteger("anguan.fuzz.tries", 700);
    private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    /**
     * Bounded by letters too, like ID_LIKE: a presigned URL's hex signature (…eeda13851404061dbb…) holds
     * digit runs shaped like a mobile in about one link of 300, and a mobile never stands glued to ASCII letters.
     */
    private static final Pattern MOBILE_LIKE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static URI base;
    private static ArbitraryRequests requests;
    /** Person tokens → the ID number they carry, for GET /me. */
    private static final Map<String, String> personOf = new HashMap<>();
    private static final Map<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();

    /** Two registered people (one employed, with a certificate, an external record, drafts), applications submitted, signed by the person and under review, enterprises, every role. */
    @BeforeAll
    static void registry() {
        Api api = RunnerFixture.api();
        World world = new World(api);
        base = LocalRunner.shared().baseUrl();
        Random random = new Random(Property.seed());
        String system = api.system();

        String uscc = ArbitraryRequests.anyUscc(random);
        ok(api.put("/registry/enterprises/" + uscc, Map.of("name", "上海浦江建设工程有限公司", "signingPassword", "Pw-123456"), system));
        List<String> idNos = new ArrayList<>();
        List<String> mobiles = new ArrayList<>();
        for (String name : List.of("王晓丽", "李建国")) {
            String idNo = notAlsoAUscc(random);
            String mobile = ArbitraryRequests.anyMobile(random);
            ok(api.put("/registry/persons/" + idNo, Map.of("name", name, "gender", TestIds.gender(idNo), "birthDate",
                    TestIds.birthDate(idNo), "idType", "ID_CARD", "mobile", mobile, "photo", TestIds.PNG), system));
            idNos.add(idNo);
            mobiles.add(mobile);
        }
        String holder = idNos.getFirst();
        world.employ(holder, uscc);
        world.exam(holder, "INITIAL", "C3", TODAY.minusDays(20), true);
        String certificate = world.certificate(holder, "C3", "08", uscc, TODAY.plusMonths(2), "VALID");
        String external = "鲁建安C1（2023）" + Gen.digits(random, 7);
        world.external(external, holder, "王晓丽", "C1", TODAY.plusYears(1), true);

        Map<String, List<String>> tokens = new HashMap<>();
        List<String> persons = new ArrayList<>();
        for (String idNo : List.of(holder, idNos.get(1), ArbitraryRequests.anyIdNo(random))) {
            String token = api.person(idNo);
            persons.add(token);
            personOf.put(token, idNo);
        }
        // 个人签名 and 企业签章 act on applications past 签名上报: one submitted, one the person signed, each with
        // its own parties (their identifiers are not the seed's, so a replay differs in them, not in its requests).
        SigningSteps signing = new SigningSteps(api);
        SigningSteps.Filed submitted = signing.submitted("TRANSFER_OUT");
        SigningSteps.Filed signed = signing.personallySigned("FIRST_ISSUE");
        // signed by both, so that the reviewers' routes (and a decision's certificate effect) are reached too
        SigningSteps.Filed underReview = signing.underReview("RENEWAL");
        for (SigningSteps.Filed f : List.of(submitted, signed, underReview)) {
            persons.add(f.token());
            personOf.put(f.token(), f.idNo());
            idNos.add(f.idNo());
            mobiles.add(f.mobile());
        }
        tokens.put("person", persons);
        tokens.put("enterprise", List.of(api.token(Map.of("role", "enterprise", "uscc", uscc)),
                api.token(Map.of("role", "enterprise", "uscc", ArbitraryRequests.anyUscc(random))), signed.enterpriseToken(),
                underReview.enterpriseToken()));
        tokens.put("reviewer", List.of(api.token(Map.of("role", "reviewer", "sub", "r1"))));
        tokens.put("system", List.of(system));

        List<String> applications = new ArrayList<>();
        for (Map<String, Object> body : List.of(Map.<String, Object>of("type", "FIRST_ISSUE", "category", "C3", "position", "08"),
                Map.<String, Object>of("type", "RENEWAL", "certificateNo", certificate),
                Map.<String, Object>of("type", "CANCELLATION", "certificateNo", certificate),
                Map.<String, Object>of("type", "TRANSFER_IN", "originalCertificateNo", external, "position", "08"),
                Map.<String, Object>of("type", "EMPLOYER_CHANGE"))) {
            Api.Reply created = api.post("/applications", body, persons.getFirst());
            assertEquals(201, created.status(), created.toString());
            applications.add(created.body().get("applicationNo").asText());
        }
        applications.add(submitted.applicationNo());
        applications.add(signed.applicationNo());
        applications.add(underReview.applicationNo());
        requests = new ArbitraryRequests(new ArbitraryRequests.Fixtures(idNos, mobiles, List.of(uscc, signed.uscc(), underReview.uscc()),
                List.of(certificate, external), new ArrayList<>(applications), tokens));
    }

    @Test
    void noRequestGetsA5xxAnUnmaskedIdentifierOrAnErrorThatIsNotProblemJson() {
        List<HttpRoute> routes = LocalRunner.shared().template().httpRoutes();
        assertFalse(routes.isEmpty());

        Property.forAll(TRIES, r -> requests.next(r, Gen.oneOf(r, routes)), FuzzIT::check);

        System.out.println("[FuzzIT] seed " + Property.seed() + ", " + TRIES + " requests, statuses by route: " + new TreeMap<>(statuses));
        for (HttpRoute route : routes) {
            assertTrue(statuses.getOrDefault(route.routeKey(), Map.of()).keySet().stream().anyMatch(s -> s != 401 && s != 403),
                    route.routeKey() + " was never reached past the authorizer: the fuzzing says nothing of it");
        }
    }

    private static void check(ArbitraryRequests.Request request) {
        RawHttp.Reply reply = RawHttp.send(base, RawHttp.request(request.method(), request.target(), request.headers(), request.body()));
        statuses.computeIfAbsent(request.route().routeKey(), k -> new ConcurrentHashMap<>()).merge(reply.status(), 1, Integer::sum);
        String text = reply.text();
        if (reply.status() == 201 && request.route().routeKey().equals("POST /applications")) {
            // The fuzzing deletes drafts as it goes; the ones it creates take their place.
            requests.created(readJson(reply).path("applicationNo").asText());
        }
        if (reply.status() < 300 && request.route().path().startsWith("/applications/")) {
            JsonNode application = readJson(reply).path("application").isObject() ? readJson(reply).path("application") : readJson(reply);
            if (application.path("version").isNumber()) {
                requests.saw(application.path("applicationNo").asText(), application.path("version").asLong());
            }
        }

        assertTrue(reply.status() < 500, "a 5xx: " + reply);
        assertFalse(text.contains("Exception") || text.contains("\tat ") || text.contains("<h1>") || text.contains("<html"),
                "no stack trace or HTML page: " + reply);
        if (reply.status() >= 400) {
            assertProblem(reply);
        }
        assertMasked(request, reply);
    }

    private static void assertProblem(RawHttp.Reply reply) {
        assertTrue(reply.header("content-type").orElse("").startsWith("application/problem+json"), "problem+json: " + reply);
        JsonNode problem;
        try {
            problem = Api.JSON.readTree(reply.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("a problem that is not JSON: " + reply, e);
        }
        assertEquals(reply.status(), problem.path("status").asInt(), "status in the body: " + reply);
        assertFalse(problem.path("code").asText().isBlank(), "a code: " + reply);
        assertTrue(HAN.matcher(problem.path("title").asText()).find(), "a Chinese title: " + reply);
        assertTrue(HAN.matcher(problem.path("detail").asText()).find(), "a Chinese detail: " + reply);
    }

    /**
     * No full ID number or mobile, but for GET /me's own (its top-level idNo and mobile): not even an
     * error's echo of what the request itself sent.
     */
    private static void assertMasked(ArbitraryRequests.Request request, RawHttp.Reply reply) {
        String text = reply.text();
        if (request.method().equals("GET") && request.route().path().equals("/me") && reply.status() == 200) {
            ObjectNode me = (ObjectNode) readJson(reply);
            String token = request.headers().getOrDefault("Authorization", "").replaceFirst("^Bearer ", "");
            assertEquals(personOf.get(token), me.path("idNo").asText(), "GET /me is the caller's own: " + reply);
            me.remove(List.of("idNo", "mobile"));
            text = me.toString();
        }
        for (Pattern pattern : List.of(ID_LIKE, MOBILE_LIKE)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String found = m.group();
                boolean sensitive = pattern == MOBILE_LIKE || IdNumber.isValid(IdNumber.normalize(found)) && !Uscc.isValid(found);
                assertTrue(!sensitive, "a full ID number or mobile, " + found + ", in " + reply);
            }
        }
    }

    private static JsonNode readJson(RawHttp.Reply reply) {
        try {
            return Api.JSON.readTree(reply.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + reply, e);
        }
    }

    /** A fixture ID number that cannot also pass as a USCC, so that a leak of it is never excused as one. */
    private static String notAlsoAUscc(Random random) {
        String idNo;
        do {
            idNo = ArbitraryRequests.anyIdNo(random);
        } while (Uscc.isValid(idNo));
        return idNo;
    }

    private static void ok(Api.Reply r) {
        assertEquals(200, r.status(), r.toString());
    }
}
