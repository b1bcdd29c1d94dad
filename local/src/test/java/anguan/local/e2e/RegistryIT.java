package anguan.local.e2e;

import static anguan.local.e2e.World.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry feeds through the local runner (role system): validation, partial upserts, masking. */
class RegistryIT {
    private static Api api;
    private static World world;
    private static String system;

    @BeforeAll
    static void runner() {
        api = RunnerFixture.api();
        world = new World(api);
        system = api.system();
    }

    private static Map<String, Object> personBody(String idNo) {
        return new HashMap<>(Map.of("name", "陈子莲", "gender", TestIds.gender(idNo), "birthDate", TestIds.birthDate(idNo),
                "idType", "ID_CARD", "mobile", "13912345678"));
    }

    @Test
    void aPersonIsAnsweredMaskedAndAPartialUpsertKeepsTheRest() {
        String idNo = TestIds.idNo();
        Api.Reply created = api.put("/registry/persons/" + idNo, personBody(idNo), system);
        assertEquals(200, created.status(), created.toString());
        assertEquals(idNo.substring(0, 2) + "**************" + idNo.substring(16), created.body().get("idNo").asText());
        assertEquals("139******78", created.body().get("mobile").asText());

        Api.Reply renamed = api.put("/registry/persons/" + idNo, Map.of("name", "陈紫莲"), system);

        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("陈紫莲", renamed.body().get("name").asText());
        assertEquals("139******78", renamed.body().get("mobile").asText(), "a field left out keeps its value");
        assertEquals(TestIds.birthDate(idNo), renamed.body().get("birthDate").asText());
        Api.Reply me = api.get("/me", api.person(idNo));
        assertEquals("13912345678", me.body().get("mobile").asText());
    }

    @Test
    void badIdentifiersDatesAndEnumsAreRefusedTogether() {
        String idNo = TestIds.idNo();
        String wrongCheck = idNo.substring(0, 17) + (idNo.charAt(17) == '0' ? '1' : '0');
        Map<String, Object> body = personBody(idNo);
        body.put("gender", "X");
        body.put("birthDate", "1990-02-30");
        body.put("idType", "DRIVING_LICENCE");

        Api.Reply r = api.put("/registry/persons/" + wrongCheck, body, system);

        assertEquals(422, r.status(), r.toString());
        assertEquals("VALIDATION_FAILED", r.code());
        assertTrue(r.violationCodes().containsAll(Set.of("INVALID_VALUE", "INVALID_DATE")), r.toString());
        assertEquals(422, api.put("/registry/enterprises/91310000MA1FL4CT2X", Map.of("name", "某公司"), system).status());
        Api.Reply exam = api.post("/registry/exam-results", Map.of("idNo", idNo, "examType", "FINAL", "category", "D",
                "examDate", "2026-13-01", "passed", true), system);
        assertEquals(422, exam.status(), exam.toString());
        assertEquals(3, exam.body().get("violations").size(), exam.toString());
    }

    @Test
    void anEnterpriseSigningPasswordIsNeverEchoed() {
        String uscc = TestIds.uscc();

        Api.Reply r = api.put("/registry/enterprises/" + uscc, Map.of("name", "上海某建设有限公司", "signingPassword", "Secret-8899"), system);

        assertEquals(200, r.status(), r.toString());
        assertFalse(r.raw().contains("Secret-8899"));
        assertTrue(r.body().get("hasSigningPassword").asBoolean());
    }

    @Test
    void anEnterprisesContactMobileIsAnsweredMaskedAndOneThatIsNoMobileRefused() {
        String uscc = TestIds.uscc();
        String path = "/registry/enterprises/" + uscc;

        Api.Reply r = api.put(path, Map.of("name", "上海某建设有限公司", "contactMobile", "13912345678"), system);
        assertEquals(200, r.status(), r.toString());
        assertEquals("139******78", r.body().get("contactMobile").asText());
        assertFalse(r.raw().contains("13912345678"));

        Api.Reply bad = api.put(path, Map.of("contactMobile", "021-64881234"), system);
        assertEquals(422, bad.status(), bad.toString());
        assertEquals(Set.of("INVALID_MOBILE"), bad.violationCodes());
        assertEquals("139******78", api.put(path, Map.of(), system).body().get("contactMobile").asText(), "the stored one is kept");
    }

    @Test
    void aPhotoOverFiftyKibIsRefusedAndABodyOverTheLimitIsMalformed() {
        String idNo = TestIds.idNo();
        byte[] big = new byte[51 * 1024];
        big[0] = (byte) 0x89;
        big[1] = 'P';
        big[2] = 'N';
        big[3] = 'G';
        Map<String, Object> body = personBody(idNo);
        body.put("photo", Base64.getEncoder().encodeToString(big));

        Api.Reply tooBig = api.put("/registry/persons/" + idNo, body, system);
        assertEquals(422, tooBig.status(), tooBig.toString());
        assertEquals(Set.of("IMAGE_TOO_LARGE"), tooBig.violationCodes());

        body.put("photo", Base64.getEncoder().encodeToString(new byte[100 * 1024]));
        Api.Reply overLimit = api.put("/registry/persons/" + idNo, body, system);
        assertEquals(400, overLimit.status(), overLimit.toString());
        assertEquals("BAD_REQUEST", overLimit.code());
    }

    @Test
    void aMigratedCertificateCopiesNamesAndShowsExpiredPastItsEnd() {
        String uscc = world.enterprise("上海迁移建设有限公司");
        String idNo = world.person("赵大伟", false);
        String number = TestIds.certificateNo("A", 2022).replace('（', '(').replace('）', ')');

        Api.Reply r = api.put("/registry/certificates/" + Api.seg(number), Map.of("idNo", idNo, "category", "A",
                "position", "01", "uscc", uscc, "firstIssueDate", "2022-01-10", "validFrom", "2022-01-10",
                "validTo", TODAY.minusDays(1).toString(), "status", "VALID"), system);

        assertEquals(200, r.status(), r.toString());
        assertEquals(number.replace('(', '（').replace(')', '）'), r.body().get("certificateNo").asText(), "stored full-width");
        assertEquals("赵大伟", r.body().get("name").asText());
        assertEquals("上海迁移建设有限公司", r.body().get("enterpriseName").asText());
        assertEquals("EXPIRED", r.body().get("status").asText());
        assertEquals("法定代表人", r.body().get("positionName").asText());
    }

    @Test
    void anOutOfProvinceRecordIsAnsweredAsStored() {
        String idNo = world.person("孙立", false);
        String number = TestIds.certificateNo("C2", 2024).replace("沪", "苏");

        Api.Reply r = api.put("/registry/external-certificates/" + Api.seg(number.replace('（', '(').replace('）', ')')),
                Map.of("idNo", idNo, "name", "孙立", "category", "C2", "enterpriseName", "江苏某建设集团有限公司",
                        "validFrom", "2024-03-01", "validTo", "2027-02-28", "transferredOut", true), system);

        assertEquals(200, r.status(), r.toString());
        assertEquals(number, r.body().get("certificateNo").asText());
        assertTrue(r.body().get("transferredOut").asBoolean());
        assertEquals("江苏某建设集团有限公司", r.body().get("enterpriseName").asText());
        assertFalse(r.raw().contains(idNo), "the ID number is masked");

        Api.Reply partial = api.put("/registry/external-certificates/" + Api.seg(number), Map.of("transferredOut", false), system);
        assertFalse(partial.body().get("transferredOut").asBoolean());
        assertEquals("孙立", partial.body().get("name").asText());
    }

    @Test
    void aMigrationForSomeoneUnregisteredIsRefused() {
        String uscc = world.enterprise("上海迁移建设有限公司");

        Api.Reply r = api.put("/registry/certificates/" + Api.seg(TestIds.certificateNo("B", 2024)), Map.of("idNo",
                TestIds.idNo(), "category", "B", "position", "07", "uscc", uscc, "firstIssueDate", "2024-01-10",
                "validFrom", "2024-01-10", "validTo", "2027-01-09", "status", "VALID"), system);

        assertEquals(422, r.status(), r.toString());
        assertEquals(Set.of("PERSON_NOT_REGISTERED"), r.violationCodes());
    }

    @Test
    void anEndedEmploymentNoLongerShows() {
        String uscc = world.enterprise("上海聘用建设有限公司");
        String idNo = world.person("钱小梅", false);
        world.employ(idNo, uscc);
        String token = api.person(idNo);
        assertEquals(1, api.get("/me", token).body().get("employments").size());

        world.leave(idNo, uscc);
        world.leave(idNo, uscc);

        assertEquals(0, api.get("/me", token).body().get("employments").size());
    }

    @Test
    void onlyTheSystemFeedsTheRegistries() {
        String idNo = TestIds.idNo();
        assertEquals(401, api.put("/registry/persons/" + idNo, personBody(idNo), null).status());
        assertEquals(403, api.put("/registry/persons/" + idNo, personBody(idNo), api.person(idNo)).status());
    }
}
