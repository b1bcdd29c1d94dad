package anguan.local.e2e;

import static anguan.local.e2e.World.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.e2e.World.Applicant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through the local runner's HTTP API (API.md): each of the six applications up to a
 * successful 签名上报, and the failures users hit.
 */
class ApplicationsIT {
    private static Api api;
    private static World world;

    @BeforeAll
    static void runner() {
        api = RunnerFixture.api();
        world = new World(api);
    }

    private JsonNode create(Applicant a, Map<String, Object> body) {
        Api.Reply r = api.post("/applications", body, a.token());
        assertEquals(201, r.status(), r.toString());
        assertEquals("DRAFT", r.body().get("status").asText());
        return r.body();
    }

    /** Fills what the person must enter (phone, consent) and returns the saved application. */
    private JsonNode complete(Applicant a, JsonNode application, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.putIfAbsent("enterprisePhone", "021-64881234");
        body.putIfAbsent("consent", true);
        body.put("version", application.get("version").asLong());
        Api.Reply r = api.put("/applications/" + application.get("applicationNo").asText(), body, a.token());
        assertEquals(200, r.status(), r.toString());
        return r.body();
    }

    private Api.Reply submit(Applicant a, JsonNode application) {
        return api.post("/applications/" + application.get("applicationNo").asText() + "/submit", null, a.token());
    }

    private static void assertSubmitted(Api.Reply r) {
        assertEquals(200, r.status(), r.toString());
        assertEquals("DRAFT", r.body().get("status").asText());
        assertNotNull(r.body().get("submittedAt"), r.toString());
        // the 申请表 was rendered and stored (DOMAIN.md: <prefix>_<yyyyMMddHHmmss>.pdf)
        String form = r.body().path("form").path("fileName").asText();
        assertTrue(form.matches(".+申请表_\\d{14}\\.pdf"), r.toString());
    }

    @Test
    void firstIssueIsSubmittedAfterAnExamWithinTwelveMonths() {
        Applicant a = world.employedApplicant(true);
        world.exam(a.idNo(), "INITIAL", "C3", TODAY.minusDays(20), true);

        JsonNode draft = create(a, Map.of("type", "FIRST_ISSUE", "category", "C3", "position", "08"));
        assertTrue(draft.get("applicationNo").asText().matches("W\\d{13}"), draft.toString());
        assertEquals(a.uscc(), draft.get("enterprise").get("uscc").asText());
        assertEquals("陈子莲", draft.get("applicant").get("name").asText());
        assertFalse(draft.toString().contains(a.idNo()), "the ID number is masked");

        Api.Reply submitted = submit(a, complete(a, draft, Map.of()));
        assertSubmitted(submitted);
    }

    @Test
    void renewalIsSubmittedInsideTheWindowWithContinuingEducation() {
        Applicant a = world.employedApplicant(false);
        String number = world.certificate(a.idNo(), "C3", "08", a.uscc(), TODAY.plusDays(40), "VALID");
        world.exam(a.idNo(), "CONTINUING", "C3", TODAY.minusMonths(6), true);

        JsonNode draft = create(a, Map.of("type", "RENEWAL", "certificateNo", number));
        assertEquals(number, draft.get("certificates").get(0).get("certificateNo").asText());
        assertEquals("C3", draft.get("category").asText());

        assertSubmitted(submit(a, complete(a, draft, Map.of())));
    }

    @Test
    void employerChangeMovesEveryValidCertificateFromTheOldEnterprise() {
        String oldUscc = world.enterprise("上海旧东家建设有限公司");
        Applicant a = world.employedApplicant(false);
        String number = world.certificate(a.idNo(), "C2", "08", oldUscc, TODAY.plusYears(2), "VALID");

        JsonNode draft = create(a, Map.of("type", "EMPLOYER_CHANGE"));
        assertEquals(1, draft.get("certificates").size(), draft.toString());
        assertEquals(number, draft.get("certificates").get(0).get("certificateNo").asText());

        assertSubmitted(submit(a, complete(a, draft, Map.of())));
    }

    @Test
    void transferInTakesAnOutOfProvinceCertificateMarkedForTransfer() {
        Applicant a = world.employedApplicant(true);
        String number = TestIds.certificateNo("C1", 2024).replace("沪", "鲁");
        world.external(number, a.idNo(), "陈子莲", "C1", TODAY.plusYears(1), true);

        // half-width parentheses are accepted on input and stored full-width
        JsonNode draft = create(a, Map.of("type", "TRANSFER_IN", "originalCertificateNo",
                number.replace('（', '(').replace('）', ')'), "position", "08"));
        assertEquals(number, draft.get("originalCertificateNo").asText());
        assertEquals("C1", draft.get("category").asText());
        assertEquals("TRANSFERRED_OUT", draft.get("originalCertificate").get("status").asText());

        assertSubmitted(submit(a, complete(a, draft, Map.of())));
    }

    @Test
    void transferOutNeedsNoEmployment() {
        String uscc = world.enterprise("上海离沪建设有限公司");
        String idNo = world.person("刘一鸣", false);
        Applicant a = new Applicant(idNo, uscc, api.person(idNo));
        String number = world.certificate(idNo, "B", "07", uscc, TODAY.plusYears(1), "VALID");

        JsonNode draft = create(a, Map.of("type", "TRANSFER_OUT", "certificateNo", number));
        assertEquals(uscc, draft.get("enterprise").get("uscc").asText());

        assertSubmitted(submit(a, complete(a, draft, Map.of())));
    }

    @Test
    void cancellationWithOtherReasonNeedsTheReasonWritten() {
        Applicant a = world.employedApplicant(false);
        String number = world.certificate(a.idNo(), "C1", "08", a.uscc(), TODAY.plusYears(1), "VALID");
        JsonNode draft = create(a, Map.of("type", "CANCELLATION", "certificateNo", number));

        JsonNode saved = complete(a, draft, Map.of("cancelReason", "OTHER"));
        Api.Reply refused = submit(a, saved);
        assertEquals(422, refused.status(), refused.toString());
        assertEquals(Set.of("CANCEL_REASON_REQUIRED"), refused.violationCodes());

        JsonNode withText = complete(a, saved, Map.of("cancelReasonText", "调往外地工作"));
        assertEquals("OTHER", withText.get("cancelReason").asText());
        assertEquals("其他", withText.get("cancelReasonName").asText());
        assertSubmitted(submit(a, withText));
    }

    @Test
    void firstIssueWithoutAnExamIsRefused() {
        Applicant a = world.employedApplicant(true);
        world.exam(a.idNo(), "INITIAL", "C3", TODAY.minusMonths(12).minusDays(1), true);
        JsonNode draft = complete(a, create(a, Map.of("type", "FIRST_ISSUE", "category", "C3", "position", "08")), Map.of());

        Api.Reply r = submit(a, draft);

        assertEquals(422, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("VALIDATION_FAILED", r.code());
        assertEquals(Set.of("EXAM_NOT_PASSED"), r.violationCodes());
        assertFalse(r.body().get("violations").get(0).get("message").asText().isBlank());
    }

    @Test
    void renewalFourMonthsBeforeTheEndIsOutsideTheWindow() {
        Applicant a = world.employedApplicant(false);
        String number = world.certificate(a.idNo(), "C3", "08", a.uscc(), TODAY.plusMonths(4), "VALID");
        world.exam(a.idNo(), "CONTINUING", "C3", TODAY.minusMonths(6), true);
        JsonNode draft = complete(a, create(a, Map.of("type", "RENEWAL", "certificateNo", number)), Map.of());

        Api.Reply r = submit(a, draft);

        assertEquals(422, r.status(), r.toString());
        assertEquals(Set.of("RENEWAL_WINDOW_CLOSED"), r.violationCodes());
    }

    @Test
    void aValidCertificateOfAnotherCategoryAtAnotherEnterpriseBlocksAFirstIssue() {
        Applicant a = world.employedApplicant(true);
        String other = world.enterprise("上海别家建设有限公司");
        world.certificate(a.idNo(), "B", "07", other, TODAY.plusYears(1), "VALID");
        world.exam(a.idNo(), "INITIAL", "C3", TODAY.minusDays(10), true);
        JsonNode draft = complete(a, create(a, Map.of("type", "FIRST_ISSUE", "category", "C3", "position", "08")), Map.of());

        Api.Reply r = submit(a, draft);

        assertEquals(422, r.status(), r.toString());
        assertEquals(Set.of("CERTIFICATE_AT_OTHER_ENTERPRISE"), r.violationCodes());
    }

    @Test
    void withTwoEmployersTheApplicationMustNameOne() {
        Applicant a = world.employedApplicant(true);
        String second = world.enterprise("上海第二建设有限公司");
        world.employ(a.idNo(), second);

        Api.Reply r = api.post("/applications", Map.of("type", "FIRST_ISSUE", "category", "C3"), a.token());
        assertEquals(422, r.status(), r.toString());
        assertEquals(Set.of("ENTERPRISE_REQUIRED"), r.violationCodes());

        JsonNode named = create(a, Map.of("type", "FIRST_ISSUE", "category", "C3", "uscc", second));
        assertEquals(second, named.get("enterprise").get("uscc").asText());
    }

    @Test
    void allViolationsComeBackTogether() {
        Applicant a = world.employedApplicant(false);
        JsonNode draft = create(a, Map.of("type", "FIRST_ISSUE", "category", "A", "position", "08"));

        Api.Reply r = submit(a, draft);

        assertEquals(422, r.status(), r.toString());
        assertEquals(Set.of("ENTERPRISE_PHONE_INVALID", "CONSENT_REQUIRED", "POSITION_NOT_ALLOWED", "EXAM_NOT_PASSED",
                "PHOTO_MISSING"), r.violationCodes());
    }

    @Test
    void aMissingRegistryPhotoRefusesTheSubmission() {
        Applicant a = world.employedApplicant(false);
        world.exam(a.idNo(), "INITIAL", "C3", TODAY.minusDays(20), true);
        JsonNode draft = complete(a, create(a, Map.of("type", "FIRST_ISSUE", "category", "C3", "position", "08")), Map.of());

        Api.Reply r = submit(a, draft);

        assertEquals(422, r.status(), r.toString());
        assertEquals(Set.of("PHOTO_MISSING"), r.violationCodes());
        JsonNode stored = api.get("/applications/" + draft.get("applicationNo").asText(), a.token()).body();
        assertTrue(stored.get("submittedAt") == null || stored.get("submittedAt").isNull(), stored.toString());
    }

    @Test
    void someoneElsesApplicationIsUnknown() {
        Applicant owner = world.employedApplicant(true);
        JsonNode draft = create(owner, Map.of("type", "FIRST_ISSUE", "category", "C3"));
        Applicant other = world.employedApplicant(true);
        String path = "/applications/" + draft.get("applicationNo").asText();

        assertEquals(404, api.get(path, other.token()).status());
        assertEquals("NOT_FOUND", api.get(path, other.token()).code());
        assertEquals(404, api.put(path, Map.of("consent", true, "version", 1), other.token()).status());
        assertEquals(404, api.post(path + "/submit", null, other.token()).status());
        assertEquals(404, api.delete(path, other.token()).status());
        assertEquals(200, api.get(path, owner.token()).status());
    }

    @Test
    void someoneElsesCertificateCannotBeActedOn() {
        Applicant holder = world.employedApplicant(false);
        String number = world.certificate(holder.idNo(), "C3", "08", holder.uscc(), TODAY.plusDays(30), "VALID");
        Applicant other = world.employedApplicant(false);

        Api.Reply r = api.post("/applications", Map.of("type", "RENEWAL", "certificateNo", number), other.token());

        assertEquals(404, r.status(), r.toString());
    }

    @Test
    void aStaleVersionIsAConflict() {
        Applicant a = world.employedApplicant(true);
        JsonNode draft = create(a, Map.of("type", "FIRST_ISSUE", "category", "C3"));
        String path = "/applications/" + draft.get("applicationNo").asText();
        assertEquals(200, api.put(path, Map.of("consent", true, "version", 1), a.token()).status());

        Api.Reply stale = api.put(path, Map.of("enterprisePhone", "13912345678", "version", 1), a.token());

        assertEquals(409, stale.status(), stale.toString());
        assertEquals("CONCURRENT_UPDATE", stale.code());
        JsonNode unchanged = api.get(path, a.token()).body();
        assertEquals(2, unchanged.get("version").asInt(), "the stale save changed nothing");
        assertFalse(unchanged.path("enterprise").has("phone"), unchanged.toString());
    }

    @Test
    void aMobileEnteredAsTheEnterprisePhoneIsShownMasked() {
        Applicant a = world.employedApplicant(true);
        JsonNode saved = complete(a, create(a, Map.of("type", "FIRST_ISSUE", "category", "C3")),
                Map.of("enterprisePhone", "13912345678"));

        assertEquals("139******78", saved.get("enterprise").get("phone").asText());
        assertFalse(saved.toString().contains("13912345678"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        Applicant a = world.employedApplicant(true);

        Api.Reply r = api.raw("POST", "/applications", "{\"type\": \"FIRST_ISSUE\",", a.token());

        assertEquals(400, r.status(), r.toString());
        assertEquals("BAD_REQUEST", r.code());
        assertEquals(0, api.get("/applications", a.token()).body().get("total").asInt());
    }

    @Test
    void anUnknownTypeIsABadRequest() {
        Applicant a = world.employedApplicant(true);

        Api.Reply r = api.post("/applications", Map.of("type", "PROMOTION"), a.token());

        assertEquals(400, r.status(), r.toString());
        assertEquals("BAD_REQUEST", r.code());
    }

    @Test
    void aSaveAfterSubmitNeedsANewSubmit() {
        Applicant a = world.employedApplicant(true);
        world.exam(a.idNo(), "INITIAL", "C3", TODAY.minusDays(5), true);
        JsonNode saved = complete(a, create(a, Map.of("type", "FIRST_ISSUE", "category", "C3", "position", "08")), Map.of());
        Api.Reply first = submit(a, saved);
        assertSubmitted(first);

        JsonNode edited = complete(a, first.body(), Map.of("enterprisePhone", "13912345678"));

        assertFalse(edited.has("submittedAt"), "a save clears the submit: " + edited);
        assertSubmitted(submit(a, edited));
    }

    @Test
    void aDeletedApplicationIsGoneAndNoLongerBlocksANewOne() {
        Applicant a = world.employedApplicant(true);
        world.exam(a.idNo(), "INITIAL", "C3", TODAY.minusDays(5), true);
        JsonNode first = complete(a, create(a, Map.of("type", "FIRST_ISSUE", "category", "C3", "position", "08")), Map.of());
        JsonNode second = complete(a, create(a, Map.of("type", "FIRST_ISSUE", "category", "C3", "position", "08")), Map.of());
        Api.Reply blocked = submit(a, second);
        assertEquals(Set.of("APPLICATION_IN_PROGRESS"), blocked.violationCodes(), blocked.toString());

        String path = "/applications/" + first.get("applicationNo").asText();
        assertEquals(204, api.delete(path, a.token()).status());

        assertEquals(404, api.get(path, a.token()).status());
        assertEquals(1, api.get("/applications", a.token()).body().get("total").asInt());
        assertSubmitted(submit(a, second));
    }

    @Test
    void theListFiltersByTypeAndStatusAndPages() {
        Applicant a = world.employedApplicant(true);
        String number = world.certificate(a.idNo(), "C3", "08", a.uscc(), TODAY.plusYears(1), "VALID");
        create(a, Map.of("type", "FIRST_ISSUE", "category", "A"));
        create(a, Map.of("type", "TRANSFER_OUT", "certificateNo", number));
        create(a, Map.of("type", "CANCELLATION", "certificateNo", number));

        JsonNode all = api.get("/applications?page=1&size=2", a.token()).body();
        assertEquals(3, all.get("total").asInt());
        assertEquals(2, all.get("items").size());
        assertEquals("CANCELLATION", all.get("items").get(0).get("type").asText(), "newest first");
        JsonNode outs = api.get("/applications?type=TRANSFER_OUT&status=DRAFT", a.token()).body();
        assertEquals(1, outs.get("total").asInt());
        assertEquals(400, api.get("/applications?status=DONE", a.token()).status());
    }

    @Test
    void meShowsMyOwnDataWholeAndMyCertificates() {
        Applicant a = world.employedApplicant(true);
        String number = world.certificate(a.idNo(), "C3", "08", a.uscc(), TODAY.minusDays(1), "VALID");

        Api.Reply me = api.get("/me", a.token());

        assertEquals(200, me.status(), me.toString());
        assertEquals(a.idNo(), me.body().get("idNo").asText());
        assertTrue(me.body().get("mobile").asText().matches("139\\d{8}"));
        assertEquals(a.uscc(), me.body().get("employments").get(0).get("uscc").asText());
        JsonNode cert = me.body().get("certificates").get(0);
        assertEquals(number, cert.get("certificateNo").asText());
        assertEquals("EXPIRED", cert.get("status").asText(), "a VALID certificate past its end date shows as EXPIRED");
        assertEquals("05", cert.get("statusCode").asText());
    }

    @Test
    void theAuditTrailRecordsWhatHappened() {
        Applicant a = world.employedApplicant(true);
        world.exam(a.idNo(), "INITIAL", "C3", TODAY.minusDays(5), true);
        JsonNode saved = complete(a, create(a, Map.of("type", "FIRST_ISSUE", "category", "C3", "position", "08")), Map.of());
        assertSubmitted(submit(a, saved));

        JsonNode events = api.get("/applications/" + saved.get("applicationNo").asText() + "/events", a.token()).body();

        assertEquals("CREATED", events.get("items").get(0).get("action").asText());
        assertEquals("SAVED", events.get("items").get(1).get("action").asText());
        assertEquals("SUBMITTED", events.get("items").get(2).get("action").asText());
        assertFalse(events.toString().contains(a.idNo()), "actors are masked");
    }

    @Test
    void onlyAPersonUsesTheApplicationRoutes() {
        Api.Reply r = api.get("/applications", api.system());
        assertEquals(403, r.status(), r.toString());
        assertEquals(401, api.get("/applications", null).status());
    }
}
