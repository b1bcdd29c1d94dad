package anguan.local.e2e;

import static anguan.local.e2e.World.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import anguan.local.e2e.SigningSteps.Filed;
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
    private boolean certificateOfPIssued;
    private final String tokenOfP;
    private final String applicationOfP;
    private final SigningSteps signing;
    /** One application the person signed, for the calls that only read it (or prepare, which changes nothing). */
    private Target awaitingEnterprise;
    /** One application both signed, for the reviewers' calls that only read it. */
    private Target underReview;
    private final Map<String, HardwareToken> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    RouteRequests(Api api) {
        this.api = api;
        this.world = new World(api);
        this.signing = new SigningSteps(api);
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

        // 个人签名 and 企业签章: applications of their own (SigningSteps), reused until the authorised call changed them.
        on("POST /applications/{no}/sms-codes", whileUnchanged(() -> filed(signing.submitted("TRANSFER_OUT"), null),
                t -> !trail(t).contains("SMS_SENT")));
        on("POST /applications/{no}/personal-signature", whileUnchanged(() -> {
            Filed f = signing.submitted("TRANSFER_OUT");
            return filed(f, Map.of("smsCode", signing.code(f)));
        }, t -> status(t).equals("DRAFT")));
        on("GET /applications/{no}/documents/{kind}", () -> document(awaitingEnterprise()));
        on("GET /enterprise/applications", () -> {
            Target signed = awaitingEnterprise();
            return new Target(Map.of(), null, signed.ownerIdNo(), signed.ownerUscc(), signed.ownersOnly());
        });
        on("GET /enterprise/applications/{no}", this::awaitingEnterprise);
        on("GET /enterprise/applications/{no}/events", this::awaitingEnterprise);
        on("GET /enterprise/applications/{no}/documents/{kind}", () -> document(awaitingEnterprise()));
        on("POST /enterprise/applications/{no}/signature", whileUnchanged(() -> filed(signing.personallySigned("FIRST_ISSUE"),
                Map.of("consent", true, "signingPassword", SigningSteps.PASSWORD)), t -> status(t).equals("AWAITING_ENTERPRISE")));
        on("POST /enterprise/applications/{no}/signature/prepare", () -> {
            Target signed = awaitingEnterprise();
            return withBody(signed, Map.of("consent", true, "certificate", token(signed.ownerUscc()).certificateBase64()));
        });
        Supplier<Target> completable = whileUnchanged(() -> filed(signing.personallySigned("CANCELLATION"), null),
                t -> status(t).equals("AWAITING_ENTERPRISE"));
        on("POST /enterprise/applications/{no}/signature/complete", () -> {
            // each call completes a session of its own: prepared just now, its digest signed by the enterprise's token
            Target signed = completable.get();
            HardwareToken token = token(signed.ownerUscc());
            Api.Reply prepared = api.post("/enterprise/applications/" + signed.pathParameters().get("no") + "/signature/prepare",
                    Map.of("consent", true, "certificate", token.certificateBase64()), enterpriseToken(signed.ownerUscc()));
            assertEquals(200, prepared.status(), prepared.toString());
            return withBody(signed, Map.of("signingId", prepared.body().get("signingId").asText(),
                    "cms", java.util.Base64.getEncoder().encodeToString(token.sign(SigningSteps.digest(prepared)))));
        });

        // 审批: applications signed by both; the decision acts on a fresh one each time it was taken.
        on("GET /review/applications", () -> {
            Target accepted = underReview();
            return new Target(Map.of(), null, accepted.ownerIdNo(), accepted.ownerUscc(), accepted.ownersOnly());
        });
        on("GET /review/applications/{no}", this::underReview);
        on("GET /review/applications/{no}/events", this::underReview);
        on("GET /review/applications/{no}/documents/{kind}", () -> document(underReview()));
        on("POST /review/applications/{no}/decision", whileUnchanged(() -> filed(signing.underReview("TRANSFER_OUT"),
                Map.of("decision", "APPROVE", "opinion", "材料齐全")), t -> status(t).equals("UNDER_REVIEW")));

        // 证书: P's certificate at E, given an e-certificate the first time a download needs one (migrated, it has none).
        on("GET /certificates", () -> ofCertificate(Map.of()));
        on("GET /certificates/{certificateNo}/ofd", () -> ofCertificate(Map.of("certificateNo", issuedCertificateOfP())));
        on("GET /enterprise/certificates", () -> ofCertificate(Map.of()));
        on("GET /enterprise/certificates/{certificateNo}/ofd", () -> ofCertificate(Map.of("certificateNo", issuedCertificateOfP())));
        on("GET /public/certificates/{certificateNo}", () -> new Target(Map.of("certificateNo", certificateOfP), null, p, e,
                Set.of(p, "王晓丽")));
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

    /**
     * The same resource for every call until one changed it (only the authorised caller can), then a
     * fresh one: a signing application costs a dozen calls and an SMS, and most callers are refused.
     */
    private static Supplier<Target> whileUnchanged(Supplier<Target> fresh, java.util.function.Predicate<Target> unchanged) {
        Target[] current = new Target[1];
        return () -> {
            if (current[0] == null || !unchanged.test(current[0])) {
                current[0] = fresh.get();
            }
            return current[0];
        };
    }

    private Target awaitingEnterprise() {
        if (awaitingEnterprise == null) {
            awaitingEnterprise = filed(signing.personallySigned("TRANSFER_IN"), null);
        }
        return awaitingEnterprise;
    }

    private Target underReview() {
        if (underReview == null) {
            underReview = filed(signing.underReview("CANCELLATION"), null);
        }
        return underReview;
    }

    /** A signing application's call: its applicant and enterprise are the owners, its number and applicant what only they may see. */
    private Target filed(SigningSteps.Filed f, Object body) {
        unmaskedIdentifiers.add(f.idNo());
        unmaskedIdentifiers.add(f.mobile());
        unmaskedIdentifiers.add(f.enterpriseMobile());
        return new Target(Map.of("no", f.applicationNo()), body, f.idNo(), f.uscc(), Set.of(f.applicationNo(), f.idNo()));
    }

    private static Target withBody(Target t, Object body) {
        return new Target(t.pathParameters(), body, t.ownerIdNo(), t.ownerUscc(), t.ownersOnly());
    }

    private static Target document(Target t) {
        return new Target(Map.of("no", t.pathParameters().get("no"), "kind", "form"), null, t.ownerIdNo(), t.ownerUscc(), t.ownersOnly());
    }

    private String trail(Target t) {
        Api.Reply r = api.get("/applications/" + t.pathParameters().get("no") + "/events", api.person(t.ownerIdNo()));
        assertEquals(200, r.status(), r.toString());
        return r.raw();
    }

    private String status(Target t) {
        Api.Reply r = api.get("/applications/" + t.pathParameters().get("no"), api.person(t.ownerIdNo()));
        assertEquals(200, r.status(), r.toString());
        return r.body().get("status").asText();
    }

    private HardwareToken token(String uscc) {
        return tokens.computeIfAbsent(uscc, signing::token);
    }

    private String enterpriseToken(String uscc) {
        return api.token(Map.of("role", "enterprise", "uscc", uscc));
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

    /** P's certificate and ID number are what only P and E may see of P's certificates. */
    private Target ofCertificate(Map<String, String> pathParameters) {
        return new Target(pathParameters, null, p, e, Set.of(certificateOfP, p));
    }

    private synchronized String issuedCertificateOfP() {
        if (!certificateOfPIssued) {
            ECertificateFiles.attach(certificateOfP, "OFD of P".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            certificateOfPIssued = true;
        }
        return certificateOfP;
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
