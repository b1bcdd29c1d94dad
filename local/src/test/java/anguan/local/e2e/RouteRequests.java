package anguan.local.e2e;

import static anguan.local.e2e.World.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid request for every route the authorisation matrix calls, so that the caller who may call
 * it really succeeds. The parties are those of the matrix: a person P employed by enterprise E,
 * holding a migrated certificate and an application; another person Q; another enterprise F.
 * A call that changes state gets a fresh resource each time, so the order of the calls never matters.
 */
final class RouteRequests {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /**
     * What one call acts on.
     *
     * @param pathParameters the values of the route's {@code {param}}s
     * @param body           the JSON body, or null
     * @param ownerIdNo      the person whose resource it is (the matrix's "person" column calls as them)
     * @param ownerUscc      the enterprise whose resource it is (the "enterprise" column)
     * @param ownersOnly     what only the owners may see: an answer to anyone else must not contain it
     */
    record Target(Map<String, String> pathParameters, Object body, String ownerIdNo, String ownerUscc, Set<String> ownersOnly) {
    }

    private final Api api;
    private final World world;
    private final Map<String, Supplier<Target>> requests = new LinkedHashMap<>();
    /** Every full ID number and mobile the calls involve: no answer but GET /me may show one unmasked. */
    private final Set<String> unmaskedIdentifiers = new LinkedHashSet<>();

    final String p;
    final String q;
    final String e;
    final String f;
    private final String certificateOfP;
    private final String tokenOfP;
    private final String applicationOfP;

    RouteRequests(Api api) {
        this.api = api;
        this.world = new World(api);
        e = world.enterprise("上海浦江建设工程有限公司");
        f = world.enterprise("上海黄浦建设工程有限公司");
        p = person("王晓丽", true);
        world.employ(p, e);
        q = person("陈子莲", true);
        certificateOfP = world.certificate(p, "B", "07", e, TODAY.plusYears(2), "VALID");
        tokenOfP = api.person(p);
        applicationOfP = draftOfP();
        unmaskedIdentifiers.add(mobileOf(p));
        unmaskedIdentifiers.add(mobileOf(q));

        // 注册信息: every feed writes, so every call feeds a record of its own.
        on("PUT /registry/persons/{idNo}", () -> {
            String idNo = TestIds.idNo();
            String mobile = TestIds.mobile();
            unmaskedIdentifiers.add(idNo);
            unmaskedIdentifiers.add(mobile);
            return ofP(Map.of("idNo", idNo), Map.of("name", "刘一鸣", "gender", TestIds.gender(idNo),
                    "birthDate", TestIds.birthDate(idNo), "idType", "ID_CARD", "mobile", mobile));
        });
        on("PUT /registry/enterprises/{uscc}", () -> ofP(Map.of("uscc", TestIds.uscc()), Map.of("name", "上海新建设工程有限公司")));
        on("PUT /registry/employments/{idNo}/{uscc}", () -> ofP(Map.of("idNo", person("赵一", false), "uscc", e),
                Map.of("since", TODAY.minusYears(1).toString())));
        on("DELETE /registry/employments/{idNo}/{uscc}", () -> {
            String idNo = person("钱二", false);
            world.employ(idNo, e);
            return ofP(Map.of("idNo", idNo, "uscc", e), null);
        });
        on("POST /registry/exam-results", () -> ofP(Map.of(), Map.of("idNo", person("孙三", false), "examType", "INITIAL",
                "category", "C3", "examDate", TODAY.minusDays(5).toString(), "passed", true)));
        on("PUT /registry/external-certificates/{certificateNo}", () -> {
            String idNo = TestIds.idNo();
            unmaskedIdentifiers.add(idNo);
            return ofP(Map.of("certificateNo", TestIds.certificateNo("C1", 2024).replace("沪", "鲁")), Map.of("idNo", idNo,
                    "name", "李四", "category", "C1", "enterpriseName", "山东鲁建工程集团有限公司",
                    "validFrom", TODAY.minusYears(1).toString(), "validTo", TODAY.plusYears(2).minusDays(1).toString(),
                    "transferredOut", true));
        });
        on("PUT /registry/certificates/{certificateNo}", () -> ofP(Map.of("certificateNo", TestIds.certificateNo("C2", 2025)),
                Map.of("idNo", person("周五", false), "category", "C2", "position", "08", "uscc", e,
                        "firstIssueDate", "2025-03-01", "validFrom", "2025-03-01", "validTo", "2028-02-29", "status", "VALID")));

        // 个人填报: P's own profile, certificate and application; writes act on a draft made for the call.
        on("GET /me", () -> ofP(Map.of(), null));
        on("POST /applications", () -> ofP(Map.of(), Map.of("type", "CANCELLATION", "certificateNo", certificateOfP)));
        on("GET /applications", () -> ofP(Map.of(), null));
        on("GET /applications/{no}", () -> ofP(Map.of("no", applicationOfP), null));
        on("PUT /applications/{no}", () -> ofP(Map.of("no", draftOfP()),
                Map.of("enterprisePhone", "021-64881234", "consent", true, "cancelReason", "SELF_REQUEST", "version", 1)));
        on("DELETE /applications/{no}", () -> ofP(Map.of("no", draftOfP()), null));
        on("POST /applications/{no}/submit", this::submittableFirstIssue);
        on("GET /applications/{no}/events", () -> ofP(Map.of("no", applicationOfP), null));
    }

    Optional<Target> target(String routeKey) {
        return Optional.ofNullable(requests.get(routeKey)).map(Supplier::get);
    }

    Set<String> routeKeys() {
        return requests.keySet();
    }

    Set<String> unmaskedIdentifiers() {
        return Set.copyOf(unmaskedIdentifiers);
    }

    /** The path of a route template with the target's parameters filled in; every parameter must be given. */
    static String path(String template, Map<String, String> parameters) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        Set<String> used = new LinkedHashSet<>();
        while (m.find()) {
            String value = parameters.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(template + ": RouteRequests gives no value for {" + m.group(1) + "}");
            }
            used.add(m.group(1));
            m.appendReplacement(path, Matcher.quoteReplacement(Api.seg(value)));
        }
        m.appendTail(path);
        if (!used.equals(parameters.keySet())) {
            throw new IllegalArgumentException(template + " has no parameters " + parameters.keySet() + " beyond " + used);
        }
        return path.toString();
    }

    private void on(String routeKey, Supplier<Target> request) {
        requests.put(routeKey, request);
    }

    /** A resource of P and E that only they may see; here the application number and P's ID number stand for it. */
    private Target ofP(Map<String, String> pathParameters, Object body) {
        return new Target(pathParameters, body, p, e, Set.of(applicationOfP, p));
    }

    /**
     * 签名上报 that passes every check: a fresh applicant (employed by E, photo, initial exam 20 days
     * ago) with a completed 考核发证 draft. P's own drafts would block it (APPLICATION_IN_PROGRESS).
     */
    private Target submittableFirstIssue() {
        String applicant = person("吴六", true);
        world.employ(applicant, e);
        world.exam(applicant, "INITIAL", "C3", TODAY.minusDays(20), true);
        String token = api.person(applicant);
        Api.Reply created = api.post("/applications", Map.of("type", "FIRST_ISSUE", "category", "C3", "position", "08"), token);
        assertEquals(201, created.status(), created.toString());
        String number = created.body().get("applicationNo").asText();
        Api.Reply saved = api.put("/applications/" + number, Map.of("enterprisePhone", "021-64881234", "consent", true,
                "version", created.body().get("version").asLong()), token);
        assertEquals(200, saved.status(), saved.toString());
        return new Target(Map.of("no", number), null, applicant, e, Set.of(number, applicant));
    }

    /** A fresh 证书注销 draft of P's certificate (version 1). */
    private String draftOfP() {
        Api.Reply r = api.post("/applications", Map.of("type", "CANCELLATION", "certificateNo", certificateOfP), tokenOfP);
        assertEquals(201, r.status(), r.toString());
        return r.body().get("applicationNo").asText();
    }

    private String person(String name, boolean withPhoto) {
        String idNo = world.person(name, withPhoto);
        unmaskedIdentifiers.add(idNo);
        return idNo;
    }

    private String mobileOf(String idNo) {
        Api.Reply me = api.get("/me", api.person(idNo));
        assertEquals(200, me.status(), me.toString());
        return me.body().get("mobile").asText();
    }
}
