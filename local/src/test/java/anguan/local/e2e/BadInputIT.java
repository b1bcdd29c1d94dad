package anguan.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.LocalRunner;
import anguan.local.fixture.RawHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an outside abuse run of the landed main found, request by request: each of these answered
 * 500 (or the JDK server's HTML page, or found nobody) and now gets a 4xx problem+json that says
 * in Chinese what is wrong, or the right answer.
 */
class BadInputIT {
    private static final String YEAR_999 = "沪建安A（0999）0000001";
    private static Api api;
    private static World world;

    @BeforeAll
    static void runner() {
        api = RunnerFixture.api();
        world = new World(api);
    }

    private static void assertProblem(int status, Api.Reply r) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(status, r.body().get("status").asInt());
        assertTrue(r.body().get("detail").asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                r.toString());
    }

    @Test
    void aPathParameterOfThreeThousandCharactersIsRefusedBeforeDynamoDb() {
        String person = api.person(TestIds.idNo());
        assertProblem(400, api.get("/applications/W" + "1".repeat(2999), person));
        assertProblem(400, api.get("/applications/" + Api.seg("沪".repeat(3000)) + "/events", person));
        assertProblem(400, api.put("/registry/persons/" + "1".repeat(3000), Map.of("name", "张三"), api.system()));
    }

    @Test
    void anApplicationNumberThatIsNotWAndThirteenDigitsIsUnknown() {
        String person = api.person(TestIds.idNo());
        for (String no : new String[] {"W2026", "x", Api.seg(YEAR_999), "W20261301000019"}) {
            assertProblem(404, api.get("/applications/" + no, person));
        }
    }

    @Test
    void aCertificateNumberOfTheYear999IsUnknownInAPathAndInABody() {
        String uscc = world.enterprise("上海申城建设工程有限公司");
        String idNo = world.person("陈子莲", true);
        world.employ(idNo, uscc);
        String system = api.system();

        assertProblem(422, api.put("/registry/certificates/" + Api.seg(YEAR_999), Map.of("idNo", idNo, "category", "A",
                "position", "01", "uscc", uscc, "firstIssueDate", "2024-01-01", "validFrom", "2024-01-01", "validTo", "2026-12-31",
                "status", "VALID"), system));
        assertProblem(422, api.put("/registry/external-certificates/" + Api.seg("鲁建安C1（0999）0012345"), Map.of("idNo", idNo),
                system));
        for (String type : new String[] {"RENEWAL", "TRANSFER_OUT", "CANCELLATION"}) {
            assertProblem(404, api.post("/applications", Map.of("type", type, "certificateNo", YEAR_999), api.person(idNo)));
        }
    }

    @Test
    void aCertificateNumberOfTenThousandCharactersInABodyIsUnknown() {
        String uscc = world.enterprise("上海申城建设工程有限公司");
        String idNo = world.person("陈子莲", true);
        world.employ(idNo, uscc);
        String token = api.person(idNo);
        String huge = "沪建安C3（2024）" + "0".repeat(10_000);

        assertProblem(404, api.post("/applications", Map.of("type", "RENEWAL", "certificateNo", huge), token));
        Api.Reply transferIn = api.post("/applications", Map.of("type", "TRANSFER_IN", "originalCertificateNo", huge,
                "position", "08"), token);
        assertEquals(201, transferIn.status(), transferIn.toString());
        Api.Reply submitted = api.post("/applications/" + transferIn.body().get("applicationNo").asText() + "/submit", null, token);
        assertEquals(422, submitted.status(), submitted.toString());
        assertTrue(submitted.violationCodes().contains("EXTERNAL_CERTIFICATE_NOT_FOUND"), submitted.violationCodes().toString());
    }

    @Test
    void aBrokenEscapeIsABadRequestProblemNotAnHtmlPage() throws Exception {
        String token = api.person(TestIds.idNo());
        for (String target : new String[] {"/applications/%zz", "/applications/W2026%2", "/applications?page=%zz",
                "/applications?type=%E6%B2"}) {
            RawHttp.Reply reply = RawHttp.send(LocalRunner.shared().baseUrl(),
                    RawHttp.request("GET", target, Map.of("Authorization", "Bearer " + token), null));
            assertEquals(400, reply.status(), target + " -> " + reply);
            assertTrue(reply.header("content-type").orElse("").startsWith("application/problem+json"), reply.toString());
            JsonNode problem = Api.JSON.readTree(reply.body());
            assertEquals("BAD_REQUEST", problem.get("code").asText());
        }
        // An escaped % reaches the function as a % and must not be decoded a second time into a 500.
        assertProblem(400, api.get("/applications/%25zz", token));
        assertProblem(400, api.get("/applications/%25E6%25B2", token));
    }

    @Test
    void aTokenWithALowercaseXFindsThePersonItNames() {
        String idNo;
        do {
            idNo = TestIds.idNo();
        } while (!idNo.endsWith("X"));
        String registered = idNo;
        Map<String, Object> person = Map.of("name", "王晓丽", "gender", TestIds.gender(idNo), "birthDate", TestIds.birthDate(idNo),
                "idType", "ID_CARD", "mobile", TestIds.mobile());
        assertEquals(200, api.put("/registry/persons/" + registered, person, api.system()).status());

        Api.Reply me = api.get("/me", api.person(registered.toLowerCase(Locale.ROOT)));

        assertEquals(200, me.status(), me.toString());
        assertEquals(registered, me.body().get("idNo").asText());
        assertFalse(me.raw().contains(registered.toLowerCase(Locale.ROOT)));
    }
}
