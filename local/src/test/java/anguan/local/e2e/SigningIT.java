package anguan.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.e2e.SigningSteps.Filed;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The signing chain end to end through the local runner (issue 6, Done means): each of the six
 * applications goes from 签名上报 through the person's SMS-unlocked signature (AWAITING_ENTERPRISE,
 * the enterprise told) to the enterprise's signature, by 签章密码 or by a hardware token from
 * {@code /dev/hardware-tokens} (UNDER_REVIEW, the person told); the {@code _sign.pdf} downloaded
 * through its presigned URL carries two signatures that poppler's {@code pdfsig} finds valid, and
 * the acceptance notice downloads.
 */
class SigningIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Api api;
    private static SigningSteps steps;

    @BeforeAll
    static void runner() {
        api = RunnerFixture.api();
        steps = new SigningSteps(api);
    }

    @ParameterizedTest(name = "{0}, the enterprise by {1}")
    @CsvSource({"FIRST_ISSUE, password", "RENEWAL, token", "EMPLOYER_CHANGE, password", "TRANSFER_IN, token",
            "TRANSFER_OUT, password", "CANCELLATION, token"})
    void fromSubmitToUnderReviewWithTwoValidSignatures(String type, String by) throws Exception {
        Filed f = steps.submitted(type);

        Api.Reply sent = steps.requestCode(f);
        JsonNode code = SigningSteps.body(sent, 202);
        assertEquals(1800, code.get("expiresInSeconds").asLong(), sent.toString());
        assertEquals(90, code.get("resendAfterSeconds").asLong(), sent.toString());
        assertEquals(f.formFileName(), code.get("fileName").asText());
        assertEquals(f.mobile().substring(0, 3) + "******" + f.mobile().substring(9), code.get("mobileMasked").asText());
        String sms = steps.waitForSms(f.mobile(), texts -> !texts.isEmpty()).getFirst();
        assertTrue(sms.contains("《" + f.formFileName() + "》"), "the SMS names the file being signed: " + sms);

        JsonNode signed = SigningSteps.body(steps.signPersonally(f, steps.codeAfter(f.mobile(), 0)), 200);
        assertEquals("AWAITING_ENTERPRISE", signed.get("status").asText());
        assertEquals(f.formFileName(), signed.get("signature").get("fileName").asText());
        assertEquals(signed.get("personalSignedAt").asText(), signed.get("signature").get("signedAt").asText());
        steps.waitForSms(f.enterpriseMobile(), texts -> texts.stream().anyMatch(t -> t.contains(f.applicationNo()) && t.contains("等待贵单位确认")));

        JsonNode waiting = SigningSteps.body(api.get("/enterprise/applications", f.enterpriseToken()), 200);
        assertEquals(f.applicationNo(), waiting.get("items").get(0).get("applicationNo").asText(), waiting.toString());
        assertFalse(waiting.toString().contains(f.idNo()), "the ID number is masked for the enterprise too");

        Api.Reply accepted = by.equals("password") ? steps.signWithPassword(f, SigningSteps.PASSWORD)
                : steps.signWithToken(f, steps.token(f.uscc()));
        JsonNode a = SigningSteps.body(accepted, 200);
        assertEquals("UNDER_REVIEW", a.get("status").asText());
        assertEquals("评审中", a.get("statusName").asText());
        String signFile = f.formFileName().replace(".pdf", "_sign.pdf");
        assertEquals(signFile, a.get("enterpriseSignature").get("fileName").asText());
        assertEquals(List.of("form", "signed-form", "acceptance-notice"), kinds(a));
        steps.waitForSms(f.mobile(), texts -> texts.stream().anyMatch(t -> t.contains(f.applicationNo()) && t.contains("签章上报")));

        byte[] pdf = download(api.get("/applications/" + f.applicationNo() + "/documents/signed-form", f.token()), signFile);
        assertEquals(2, validSignatures(pdf), "pdfsig finds both signatures valid");
        byte[] sameForTheEnterprise = download(api.get("/enterprise/applications/" + f.applicationNo() + "/documents/signed-form",
                f.enterpriseToken()), signFile);
        assertEquals(pdf.length, sameForTheEnterprise.length);
        JsonNode notice = SigningSteps.body(api.get("/applications/" + f.applicationNo() + "/documents/acceptance-notice", f.token()), 200);
        assertTrue(new String(fetch(notice.get("url").asText()).body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));

        JsonNode events = SigningSteps.body(api.get("/enterprise/applications/" + f.applicationNo() + "/events", f.enterpriseToken()), 200);
        assertTrue(events.toString().contains("\"action\":\"SMS_SENT\""), events.toString());
        assertTrue(events.toString().contains("\"actionName\":\"企业签章\""), events.toString());
        assertFalse(events.toString().contains(f.idNo()), events.toString());
    }

    @Test
    void theApplicantDownloadsTheFormAndPhotoAndAnotherPersonFindsNothing() throws Exception {
        Filed f = steps.submitted("FIRST_ISSUE");

        byte[] form = download(api.get("/applications/" + f.applicationNo() + "/documents/form", f.token()), f.formFileName());
        JsonNode photo = SigningSteps.body(api.get("/applications/" + f.applicationNo() + "/documents/photo", f.token()), 200);
        Api.Reply unknown = api.get("/applications/" + f.applicationNo() + "/documents/ofd", f.token());
        Api.Reply notYet = api.get("/applications/" + f.applicationNo() + "/documents/signed-form", f.token());
        Api.Reply other = api.get("/applications/" + f.applicationNo() + "/documents/form", api.person(TestIds.idNo()));

        assertTrue(new String(form, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        assertEquals("照片_" + f.applicationNo() + ".png", photo.get("fileName").asText());
        assertEquals(200, fetch(photo.get("url").asText()).statusCode());
        for (Api.Reply missing : List.of(unknown, notYet, other)) {
            assertEquals(404, missing.status(), missing.toString());
            assertTrue(missing.contentType().startsWith("application/problem+json"), missing.toString());
        }
    }

    @Test
    void aDownloadLinkIsShortLivedAndATamperedOneIsRefusedByS3() throws Exception {
        Filed f = steps.submitted("TRANSFER_OUT");
        JsonNode link = SigningSteps.body(api.get("/applications/" + f.applicationNo() + "/documents/form", f.token()), 200);
        String url = link.get("url").asText();
        java.util.regex.Matcher signature = java.util.regex.Pattern.compile("X-Amz-Signature=([0-9a-f])").matcher(url);
        assertTrue(signature.find(), url);
        char flipped = signature.group(1).charAt(0) == '0' ? '1' : '0';
        String tampered = url.substring(0, signature.start(1)) + flipped + url.substring(signature.end(1));

        Duration lifetime = Duration.between(OffsetDateTime.now(), OffsetDateTime.parse(link.get("expiresAt").asText()));
        assertTrue(lifetime.compareTo(Duration.ofMinutes(5)) <= 0 && lifetime.compareTo(Duration.ofMinutes(4)) > 0, lifetime.toString());
        assertEquals(200, fetch(url).statusCode());
        assertEquals(403, fetch(tampered).statusCode());
    }

    private static List<String> kinds(JsonNode application) {
        return java.util.stream.StreamSupport.stream(application.get("documents").spliterator(), false)
                .map(d -> d.get("kind").asText()).toList();
    }

    /** Follows a download answer's URL: the file it names, as the browser would save it. */
    private static byte[] download(Api.Reply reply, String fileName) throws Exception {
        JsonNode link = SigningSteps.body(reply, 200);
        assertEquals(fileName, link.get("fileName").asText());
        HttpResponse<byte[]> file = fetch(link.get("url").asText());
        assertEquals(200, file.statusCode(), () -> new String(file.body(), StandardCharsets.UTF_8));
        String disposition = file.headers().firstValue("content-disposition").orElse("");
        assertTrue(disposition.contains(java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20")), disposition);
        return file.body();
    }

    private static HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** What poppler's pdfsig says: the number of signatures it reports as valid. */
    private static long validSignatures(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("anguan-signed", ".pdf");
        try {
            Files.write(file, pdf);
            Process pdfsig = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
            String report = new String(pdfsig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(pdfsig.waitFor(30, TimeUnit.SECONDS), "pdfsig did not finish");
            assertTrue(report.contains("Signature #2"), report);
            return report.lines().filter(l -> l.contains("Signature Validation: Signature is Valid")).count();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
