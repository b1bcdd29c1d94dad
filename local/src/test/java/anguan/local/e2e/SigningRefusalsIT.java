package anguan.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.e2e.SigningSteps.Filed;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the signing chain refuses, through the local runner, each with its status and code (API.md):
 * wrong, brute-forced and too frequent SMS codes, the daily limit, wrong 签章密码 until the lock,
 * hardware-token CMS that is untrusted, another enterprise's or over another digest, another
 * enterprise reading or signing, and two signatures at once.
 */
class SigningRefusalsIT {
    private static Api api;
    private static SigningSteps steps;

    @BeforeAll
    static void runner() {
        api = RunnerFixture.api();
        steps = new SigningSteps(api);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void aWrongCodeLeavesFourTriesAndTheRightOneStillSigns() {
        Filed f = steps.submitted("FIRST_ISSUE");
        String code = steps.code(f);

        Api.Reply refused = steps.signPersonally(f, wrong(code));
        assertEquals(422, refused.status(), refused.toString());
        assertEquals("SMS_CODE_INVALID", refused.code());
        assertEquals(4, refused.body().get("attemptsLeft").asInt());
        assertFalse(refused.raw().contains(code));

        assertEquals("AWAITING_ENTERPRISE", SigningSteps.body(steps.signPersonally(f, code), 200).get("status").asText());
    }

    @Test
    void fiveWrongCodesVoidTheCodeSoEvenTheRightOneIsUsed() {
        Filed f = steps.submitted("TRANSFER_OUT");
        String code = steps.code(f);

        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Api.Reply r = steps.signPersonally(f, wrong(code));
            assertEquals("SMS_CODE_INVALID", r.code(), r.toString());
            left.add(r.body().get("attemptsLeft").asInt());
        }
        Api.Reply fifth = steps.signPersonally(f, wrong(code));
        Api.Reply right = steps.signPersonally(f, code);

        assertEquals(List.of(4, 3, 2, 1), left);
        assertEquals("SMS_CODE_USED", fifth.code(), fifth.toString());
        assertEquals(422, right.status(), right.toString());
        assertEquals("SMS_CODE_USED", right.code(), right.toString());
        assertEquals("DRAFT", SigningSteps.body(api.get("/applications/" + f.applicationNo(), f.token()), 200).get("status").asText());
    }

    @Test
    void anotherCodeWithinNinetySecondsIsTooEarly() {
        Filed f = steps.submitted("CANCELLATION");
        steps.code(f);

        Api.Reply again = steps.requestCode(f);

        assertEquals(429, again.status(), again.toString());
        assertEquals("TOO_MANY_REQUESTS", again.code());
        long wait = again.body().get("retryAfterSeconds").asLong();
        assertTrue(wait > 0 && wait <= 90, again.toString());
        assertEquals(1, steps.codesTo(f.mobile()).size(), "no second SMS");
    }

    /** The day's limit is per mobile: eleven persons registered with one mobile, one application each. */
    @Test
    void theEleventhCodeOfADayToOneMobileIsRefused() {
        String mobile = TestIds.mobile();
        List<Filed> filed = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            filed.add(steps.submitted("TRANSFER_OUT", mobile));
        }

        for (Filed f : filed.subList(0, 10)) {
            Api.Reply sent = steps.requestCode(f);
            assertEquals(202, sent.status(), sent.toString());
        }
        Api.Reply eleventh = steps.requestCode(filed.get(10));

        assertEquals(429, eleventh.status(), eleventh.toString());
        assertEquals("TOO_MANY_REQUESTS", eleventh.code());
        assertTrue(eleventh.body().get("retryAfterSeconds").asLong() > 0, eleventh.toString());
        assertTrue(eleventh.body().get("detail").asText().contains("10次"), eleventh.toString());
        steps.waitForSms(mobile, texts -> texts.size() >= 10);
        assertEquals(10, steps.codesTo(mobile).size());
    }

    @Test
    void fiveWrongPasswordsInARowLockSigningEvenForTheRightOne() {
        Filed f = steps.personallySigned("EMPLOYER_CHANGE");

        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Api.Reply r = steps.signWithPassword(f, "Wrong-" + i);
            assertEquals(422, r.status(), r.toString());
            assertEquals("SIGNING_PASSWORD_INVALID", r.code());
            assertFalse(r.raw().contains("Wrong-" + i), "the password is never echoed");
            left.add(r.body().get("attemptsLeft").asInt());
        }
        Api.Reply fifth = steps.signWithPassword(f, "Wrong-5");
        Api.Reply right = steps.signWithPassword(f, SigningSteps.PASSWORD);

        assertEquals(List.of(4, 3, 2, 1), left);
        for (Api.Reply locked : List.of(fifth, right)) {
            assertEquals(429, locked.status(), locked.toString());
            long wait = locked.body().get("retryAfterSeconds").asLong();
            assertTrue(wait > 800 && wait <= 900, locked.toString());
        }
        String trail = SigningSteps.body(api.get("/applications/" + f.applicationNo() + "/events", f.token()), 200).toString();
        assertTrue(trail.contains("SIGNING_PASSWORD_WRONG"), trail);
        assertFalse(trail.contains("Wrong-"), trail);
    }

    @Test
    void aTokenCmsThatIsUntrustedAnotherEnterprisesOrOverAnotherDigestIsRefusedWithItsCode() throws Exception {
        Filed f = steps.personallySigned("RENEWAL");
        HardwareToken token = steps.token(f.uscc());
        HardwareToken anotherEnterprises = steps.token(new World(api).enterprise("上海黄浦建设工程有限公司"));
        HardwareToken untrusted = HardwareToken.untrusted(f.uscc());

        Api.Reply prepared = steps.prepare(f, token);
        String signingId = SigningSteps.body(prepared, 200).get("signingId").asText();
        byte[] digest = SigningSteps.digest(prepared);
        byte[] otherDigest = MessageDigest.getInstance("SHA-256").digest("another document".getBytes(StandardCharsets.UTF_8));

        assertEquals(32, digest.length);
        assertRefused("CMS_UNTRUSTED", steps.complete(f, signingId, untrusted.sign(digest)));
        assertRefused("CMS_WRONG_ENTERPRISE", steps.complete(f, signingId, anotherEnterprises.sign(digest)));
        assertRefused("CMS_DIGEST_MISMATCH", steps.complete(f, signingId, token.sign(otherDigest)));
        assertEquals(422, steps.prepare(f, untrusted).status(), "an untrusted certificate cannot even start a signature");
        Api.Reply notBase64 = api.post("/enterprise/applications/" + f.applicationNo() + "/signature/prepare",
                Map.of("consent", true, "certificate", "not base64!"), f.enterpriseToken());
        assertEquals(400, notBase64.status(), notBase64.toString());

        assertStatus(steps.complete(f, signingId, token.sign(digest)), "UNDER_REVIEW");
    }

    @Test
    void anotherEnterpriseCanNeitherReadNorSign() {
        Filed f = steps.personallySigned("TRANSFER_IN");
        String other = api.token(Map.of("role", "enterprise", "uscc", TestIds.uscc()));
        String base = "/enterprise/applications/" + f.applicationNo();

        for (Api.Reply r : List.of(api.get(base, other), api.get(base + "/events", other), api.get(base + "/documents/form", other),
                api.post(base + "/signature", Map.of("consent", true, "signingPassword", SigningSteps.PASSWORD), other),
                api.post(base + "/signature/prepare", Map.of("consent", true, "certificate", steps.token(f.uscc()).certificateBase64()), other))) {
            assertEquals(404, r.status(), r.toString());
            assertEquals("NOT_FOUND", r.code());
        }
        assertEquals(0, SigningSteps.body(api.get("/enterprise/applications?status=ALL", other), 200).get("total").asInt());
        assertStatus(api.get(base, f.enterpriseToken()), "AWAITING_ENTERPRISE");
    }

    @Test
    void ofTwoPasswordSignaturesAtOnceExactlyOneIsRecorded() throws Exception {
        Filed f = steps.personallySigned("FIRST_ISSUE");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return steps.signWithPassword(f, SigningSteps.PASSWORD);
            }));
        }
        start.countDown();

        List<Integer> statuses = new ArrayList<>(calls.stream().map(c -> c.join().status()).sorted().toList());

        assertEquals(List.of(200, 409), statuses, calls.stream().map(CompletableFuture::join).toList().toString());
        String trail = SigningSteps.body(api.get("/applications/" + f.applicationNo() + "/events", f.token()), 200).toString();
        assertEquals(1, trail.split("\"ENTERPRISE_SIGNED\"", -1).length - 1, trail);
    }

    private static void assertRefused(String code, Api.Reply r) {
        assertEquals(422, r.status(), r.toString());
        assertEquals(code, r.code(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    }

    /** The application an answer carries is in the expected status. */
    private static void assertStatus(Api.Reply r, String status) {
        assertEquals(status, SigningSteps.body(r, 200).get("status").asText(), r.toString());
    }
}
