package anguan.local.e2e;

import static anguan.local.e2e.World.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signing chain as its users drive it, through API.md's routes and {@code /dev/*} only: an
 * application of each type taken to 签名上报, the SMS code read where the notifier delivered it
 * ({@code GET /dev/sms}), the personal signature, and the enterprise's. Each application gets a
 * person and an enterprise of its own (with a contact mobile), so tests never share a lock, a
 * code or a daily count unless they mean to.
 */
final class SigningSteps {
    static final String PASSWORD = "Pw-123456";
    private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");
    private static final Duration SMS_WAIT = Duration.ofSeconds(20);

    /** One submitted application and its two parties. */
    record Filed(String applicationNo, String type, String idNo, String mobile, String token, String uscc,
                 String enterpriseMobile, String enterpriseToken, String formFileName) {
    }

    private final Api api;
    private final World world;

    SigningSteps(Api api) {
        this.api = api;
        this.world = new World(api);
    }

    /** A submitted application of {@code type}: the registries it needs, created, completed and submitted (签名上报). */
    Filed submitted(String type) {
        return submitted(type, TestIds.mobile());
    }

    /** As {@link #submitted(String)}, for a person registered with {@code mobile} (several persons may share one). */
    Filed submitted(String type, String mobile) {
        String enterpriseMobile = TestIds.mobile();
        String uscc = world.enterprise("上海浦江建设工程有限公司", enterpriseMobile);
        String idNo = world.person("王晓丽", true, mobile);
        Map<String, Object> create = new HashMap<>(Map.of("type", type));
        Map<String, Object> save = new HashMap<>(Map.of("enterprisePhone", "021-64881234", "consent", true));
        switch (type) {
            case "FIRST_ISSUE" -> {
                world.employ(idNo, uscc);
                world.exam(idNo, "INITIAL", "C3", TODAY.minusDays(20), true);
                create.putAll(Map.of("category", "C3", "position", "08"));
            }
            case "RENEWAL" -> {
                world.employ(idNo, uscc);
                world.exam(idNo, "CONTINUING", "C3", TODAY.minusMonths(6), true);
                create.put("certificateNo", world.certificate(idNo, "C3", "08", uscc, TODAY.plusDays(40), "VALID"));
            }
            case "EMPLOYER_CHANGE" -> {
                world.employ(idNo, uscc);
                world.certificate(idNo, "C2", "08", world.enterprise("上海旧东家建设有限公司"), TODAY.plusYears(2), "VALID");
            }
            case "TRANSFER_IN" -> {
                world.employ(idNo, uscc);
                String number = TestIds.certificateNo("C1", 2024).replace("沪", "鲁");
                world.external(number, idNo, "王晓丽", "C1", TODAY.plusYears(1), true);
                create.putAll(Map.of("originalCertificateNo", number, "position", "08"));
            }
            case "TRANSFER_OUT" -> create.put("certificateNo", world.certificate(idNo, "B", "07", uscc, TODAY.plusYears(1), "VALID"));
            case "CANCELLATION" -> {
                create.put("certificateNo", world.certificate(idNo, "C1", "08", uscc, TODAY.plusYears(1), "VALID"));
                save.put("cancelReason", "SELF_REQUEST");
            }
            default -> throw new IllegalArgumentException(type);
        }
        return submitted(new Party(idNo, mobile, uscc, enterpriseMobile), type, create, save);
    }

    /** A person and the enterprise an application names, with the mobiles they are told on. */
    record Party(String idNo, String mobile, String uscc, String enterpriseMobile) {
    }

    /**
     * An application of {@code type} by a person whose registry data the caller set up, created with
     * {@code create}, saved with {@code save} (the consent and the enterprise's phone are added) and submitted (签名上报).
     */
    Filed submitted(Party party, String type, Map<String, Object> create, Map<String, Object> save) {
        String idNo = party.idNo();
        String uscc = party.uscc();
        Map<String, Object> body = new HashMap<>(create);
        body.put("type", type);
        Map<String, Object> changes = new HashMap<>(Map.of("enterprisePhone", "021-64881234", "consent", true));
        changes.putAll(save);
        String token = api.person(idNo);
        Api.Reply created = api.post("/applications", body, token);
        assertEquals(201, created.status(), created.toString());
        String no = created.body().get("applicationNo").asText();
        changes.put("version", created.body().get("version").asLong());
        Api.Reply saved = api.put("/applications/" + no, changes, token);
        assertEquals(200, saved.status(), saved.toString());
        Api.Reply submitted = api.post("/applications/" + no + "/submit", null, token);
        assertEquals(200, submitted.status(), submitted.toString());
        return new Filed(no, type, idNo, party.mobile(), token, uscc, party.enterpriseMobile(), api.token(Map.of("role", "enterprise", "uscc", uscc)),
                submitted.body().get("form").get("fileName").asText());
    }

    Api.Reply requestCode(Filed f) {
        return api.post("/applications/" + f.applicationNo() + "/sms-codes", null, f.token());
    }

    /** Asks for a code (202) and reads it from the SMS the notifier sent to the person's mobile. */
    String code(Filed f) {
        int before = codesTo(f.mobile()).size();
        Api.Reply sent = requestCode(f);
        assertEquals(202, sent.status(), sent.toString());
        return codeAfter(f.mobile(), before);
    }

    /** The newest code sent to {@code mobile} once more than {@code before} have arrived. */
    String codeAfter(String mobile, int before) {
        List<String> codes = waitForSms(mobile, texts -> texts.stream().filter(t -> t.contains("验证码")).count() > before).stream()
                .filter(t -> t.contains("验证码")).toList();
        Matcher m = CODE.matcher(codes.getFirst());
        assertTrue(m.find(), codes.getFirst());
        return m.group(1);
    }

    /** The code SMS sent to {@code mobile} so far, newest first. */
    List<String> codesTo(String mobile) {
        return sms(mobile).stream().filter(t -> t.contains("验证码")).toList();
    }

    Api.Reply signPersonally(Filed f, String code) {
        return api.post("/applications/" + f.applicationNo() + "/personal-signature", Map.of("smsCode", code), f.token());
    }

    /** Submitted and signed by the person: the application waits for the enterprise. */
    Filed personallySigned(String type) {
        return personallySigned(submitted(type));
    }

    /** The submitted application signed by its person: it waits for the enterprise. */
    Filed personallySigned(Filed f) {
        Api.Reply signed = signPersonally(f, code(f));
        assertEquals(200, signed.status(), signed.toString());
        assertEquals("AWAITING_ENTERPRISE", signed.body().get("status").asText(), signed.toString());
        return f;
    }

    /** Signed by the person and, with its 签章密码, by the enterprise: accepted (受理), in the reviewers' queue. */
    Filed underReview(String type) {
        return underReview(submitted(type));
    }

    /** The submitted application signed by its person and by its enterprise (password): it waits for the reviewers. */
    Filed underReview(Filed submitted) {
        Filed f = personallySigned(submitted);
        Api.Reply signed = signWithPassword(f, PASSWORD);
        assertEquals(200, signed.status(), signed.toString());
        assertEquals("UNDER_REVIEW", signed.body().get("status").asText(), signed.toString());
        return f;
    }

    Api.Reply signWithPassword(Filed f, String password) {
        return api.post("/enterprise/applications/" + f.applicationNo() + "/signature", Map.of("consent", true,
                "signingPassword", password), f.enterpriseToken());
    }

    Api.Reply prepare(Filed f, HardwareToken token) {
        return api.post("/enterprise/applications/" + f.applicationNo() + "/signature/prepare", Map.of("consent", true,
                "certificate", token.certificateBase64()), f.enterpriseToken());
    }

    Api.Reply complete(Filed f, String signingId, byte[] cms) {
        return api.post("/enterprise/applications/" + f.applicationNo() + "/signature/complete", Map.of("signingId", signingId,
                "cms", java.util.Base64.getEncoder().encodeToString(cms)), f.enterpriseToken());
    }

    /** Prepare, the token signs the digest, complete. */
    Api.Reply signWithToken(Filed f, HardwareToken token) {
        Api.Reply prepared = prepare(f, token);
        assertEquals(200, prepared.status(), prepared.toString());
        return complete(f, prepared.body().get("signingId").asText(), token.sign(digest(prepared)));
    }

    static byte[] digest(Api.Reply prepared) {
        return java.util.Base64.getDecoder().decode(prepared.body().get("digest").asText());
    }

    /** The hardware token of one enterprise, issued by the local CA ({@code POST /dev/hardware-tokens}). */
    HardwareToken token(String uscc) {
        Api.Reply issued = api.post("/dev/hardware-tokens", Map.of("uscc", uscc), null);
        assertEquals(200, issued.status(), issued.toString());
        return HardwareToken.of(issued.body().get("certificate").asText(), issued.body().get("privateKey").asText());
    }

    /** The SMS texts sent to {@code mobile}, newest first, once {@code until} holds of them (or the wait is over). */
    List<String> waitForSms(String mobile, Predicate<List<String>> until) {
        Instant deadline = Instant.now().plus(SMS_WAIT);
        List<String> texts = sms(mobile);
        while (!until.test(texts)) {
            assertTrue(Instant.now().isBefore(deadline), "no such SMS to " + mobile + " within " + SMS_WAIT + ": " + texts);
            sleep();
            texts = sms(mobile);
        }
        return texts;
    }

    private List<String> sms(String mobile) {
        Api.Reply r = api.get("/dev/sms?mobile=" + mobile, null);
        assertEquals(200, r.status(), r.toString());
        List<String> texts = new ArrayList<>();
        r.body().get("items").forEach(item -> texts.add(item.get("text").asText()));
        return texts;
    }

    /** Polling the SMS log: short, since the notifier's queue is long-polled and delivers within moments. */
    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(Api.Reply r, int status) {
        assertEquals(status, r.status(), r.toString());
        return r.body();
    }
}
