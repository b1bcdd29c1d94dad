package anguan.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partial feeds of one record sent at the same moment, through the local runner (whose containers
 * serve them at once, as Lambda's do): each sets a field of its own, and afterwards every field of
 * every feed is there. Without conditional writes the last write of a merge made over an older read
 * wins, and the other feeds' fields are lost.
 */
class RegistryRacesIT {
    private static Api api;
    private static World world;
    private static String system;
    private static ExecutorService senders;

    @BeforeAll
    static void runner() {
        api = RunnerFixture.api();
        world = new World(api);
        system = api.system();
        senders = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        senders.shutdownNow();
    }

    /** Sends every feed at once (released together) and answers the replies in the order given. */
    private static List<Api.Reply> atOnce(String path, List<Map<String, Object>> feeds) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (Map<String, Object> feed : feeds) {
            replies.add(senders.submit(() -> {
                go.await();
                return api.put(path, feed, system);
            }));
        }
        go.countDown();
        List<Api.Reply> answered = new ArrayList<>();
        for (Future<Api.Reply> reply : replies) {
            answered.add(reply.get());
        }
        return answered;
    }

    private static void allStored(List<Api.Reply> replies) {
        replies.forEach(r -> assertEquals(200, r.status(), r.toString()));
    }

    @Test
    void partialFeedsOfOnePersonAtOnceLoseNoField() throws Exception {
        // A passport holder: gender, birth date and ID type are then free to change, each by a feed of its own.
        String passport = "E" + TestIds.idNo().substring(6, 14);
        String path = "/registry/persons/" + passport;
        allStored(List.of(api.put(path, Map.of("name", "林小雨", "gender", "F", "birthDate", "1985-04-12",
                "idType", "PASSPORT", "mobile", "13900000001"), system)));
        String mobile = TestIds.mobile();

        allStored(atOnce(path, List.of(
                Map.of("name", "林晓雨"),
                Map.of("gender", "M"),
                Map.of("birthDate", "1986-05-13"),
                Map.of("idType", "HK_MACAO"),
                Map.of("mobile", mobile),
                Map.of("photo", TestIds.PNG),
                Map.of("signatureImage", TestIds.PNG))));

        Api.Reply me = api.get("/me", api.person(passport));
        assertEquals(200, me.status(), me.toString());
        assertEquals("林晓雨", me.body().get("name").asText());
        assertEquals("M", me.body().get("gender").asText());
        assertEquals("1986-05-13", me.body().get("birthDate").asText());
        assertEquals("HK_MACAO", me.body().get("idType").asText());
        assertEquals(mobile, me.body().get("mobile").asText());
        Api.Reply stored = api.put(path, Map.of(), system);
        assertTrue(stored.body().get("hasPhoto").asBoolean(), stored.toString());
        assertTrue(stored.body().get("hasSignatureImage").asBoolean(), stored.toString());
    }

    @Test
    void partialFeedsOfOneEnterpriseAtOnceLoseNoField() throws Exception {
        String uscc = TestIds.uscc();
        String path = "/registry/enterprises/" + uscc;
        allStored(List.of(api.put(path, Map.of("name", "上海竞速建设有限公司"), system)));
        String mobile = TestIds.mobile();

        allStored(atOnce(path, List.of(
                Map.of("name", "上海竞速建设（集团）有限公司"),
                Map.of("contactMobile", mobile),
                Map.of("signingPassword", "Race-123456"))));

        Api.Reply stored = api.put(path, Map.of(), system);
        assertEquals(200, stored.status(), stored.toString());
        assertEquals("上海竞速建设（集团）有限公司", stored.body().get("name").asText());
        assertEquals(mobile.substring(0, 3) + "******" + mobile.substring(9), stored.body().get("contactMobile").asText());
        assertTrue(stored.body().get("hasSigningPassword").asBoolean(), stored.toString());
    }

    @Test
    void partialFeedsOfOneMigratedCertificateAtOnceLoseNoField() throws Exception {
        String uscc = world.enterprise("上海原单位建设有限公司");
        String newUscc = world.enterprise("上海新单位建设有限公司");
        String idNo = world.person("周立波", false);
        String number = TestIds.certificateNo("A", 2024);
        String path = "/registry/certificates/" + Api.seg(number);
        allStored(List.of(api.put(path, Map.of("idNo", idNo, "category", "A", "position", "01", "uscc", uscc,
                "firstIssueDate", "2024-03-01", "validFrom", "2024-03-01", "validTo", "2027-02-28", "status", "VALID"), system)));

        allStored(atOnce(path, List.of(
                Map.of("position", "02"),
                Map.of("uscc", newUscc),
                Map.of("firstIssueDate", "2018-03-01"),
                Map.of("validFrom", "2024-02-01"),
                Map.of("validTo", "2027-03-31"),
                Map.of("status", "SUSPENDED"))));

        Api.Reply stored = api.put(path, Map.of(), system);
        assertEquals(200, stored.status(), stored.toString());
        assertEquals("02", stored.body().get("position").asText());
        assertEquals(newUscc, stored.body().get("uscc").asText());
        assertEquals("上海新单位建设有限公司", stored.body().get("enterpriseName").asText());
        assertEquals("2018-03-01", stored.body().get("firstIssueDate").asText());
        assertEquals("2024-02-01", stored.body().get("validFrom").asText());
        assertEquals("2027-03-31", stored.body().get("validTo").asText());
        assertEquals("SUSPENDED", stored.body().get("status").asText());
        assertEquals("周立波", stored.body().get("name").asText());
    }
}
