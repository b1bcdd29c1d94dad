package anguan.local.e2e;

import static anguan.local.e2e.World.TODAY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.LocalRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 证书 end to end through the local runner: the person's own list (another person's certificates
 * never in it), the enterprise's 证书查询 with its filters, downloads (a real file through the
 * presigned URL; 404 for another party's, 409 for a withdrawn or a not yet issued one; either
 * parenthesis width), and the public verification without login, as JSON and as the phone's page.
 */
class CertificatesIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final byte[] OFD = "PK\u0003\u0004 an OFD e-certificate".getBytes(StandardCharsets.ISO_8859_1);

    private static Api api;
    private static String holder;
    private static String other;
    private static String enterprise;
    private static String otherEnterprise;
    private static String valid;
    private static String expired;
    private static String cancelled;
    private static String transferred;
    private static String migrated;
    private static String othersCertificate;
    private static String validFileName;

    /**
     * 王晓丽 at 上海浦江建设工程有限公司: a valid C3 with its e-certificate, an A stored VALID whose end has
     * passed (with a file), a cancelled B and a transferred C1 (with files), a migrated C2 without one;
     * 陈子莲, at the same enterprise, a C3 of hers with a file.
     */
    @BeforeAll
    static void certificates() {
        api = RunnerFixture.api();
        World world = new World(api);
        enterprise = world.enterprise("上海浦江建设工程有限公司");
        otherEnterprise = world.enterprise("上海黄浦建设工程有限公司");
        holder = world.person("王晓丽", true);
        other = world.person("陈子莲", true);
        valid = world.certificate(holder, "C3", "08", enterprise, TODAY.plusYears(2), "VALID");
        expired = world.certificate(holder, "A", "01", enterprise, TODAY.minusDays(1), "VALID");
        cancelled = world.certificate(holder, "B", "07", enterprise, TODAY.plusYears(1), "CANCELLED");
        transferred = world.certificate(holder, "C1", "08", enterprise, TODAY.plusYears(1), "TRANSFERRED_OUT");
        migrated = world.certificate(holder, "C2", "08", enterprise, TODAY.plusYears(1), "VALID");
        othersCertificate = world.certificate(other, "C3", "08", enterprise, TODAY.plusYears(2), "VALID");
        validFileName = ECertificateFiles.attach(valid, OFD);
        for (String number : List.of(expired, cancelled, transferred, othersCertificate)) {
            ECertificateFiles.attach(number, OFD);
        }
    }

    @Test
    void thePersonListsEveryOwnCertificateWithTheEffectiveStatusAndNeverAnotherPersons() {
        JsonNode page = SigningSteps.body(api.get("/certificates?size=100", api.person(holder)), 200);

        assertEquals(5, page.get("total").asInt(), page.toString());
        assertEquals(List.of(valid, migrated, cancelled, transferred, expired).stream().sorted().toList(),
                page.get("items").findValuesAsText("certificateNo").stream().sorted().toList());
        assertEquals("EXPIRED", item(page, expired).get("status").asText());
        assertEquals("失效", item(page, expired).get("statusName").asText());
        assertEquals("CANCELLED", item(page, cancelled).get("status").asText());
        assertEquals("TRANSFERRED_OUT", item(page, transferred).get("status").asText());
        assertEquals(validFileName, item(page, valid).get("ofdFileName").asText());
        assertFalse(item(page, migrated).has("ofdFileName"), "a migrated certificate has no file to name");
        assertFalse(page.toString().contains(holder), "the ID number is masked");
        assertFalse(page.toString().contains(othersCertificate));

        JsonNode onlyExpired = SigningSteps.body(api.get("/certificates?status=EXPIRED", api.person(holder)), 200);
        assertEquals(List.of(expired), onlyExpired.get("items").findValuesAsText("certificateNo"));
        assertEquals(400, api.get("/certificates?size=101", api.person(holder)).status());
        JsonNode others = SigningSteps.body(api.get("/certificates", api.person(other)), 200);
        assertEquals(List.of(othersCertificate), others.get("items").findValuesAsText("certificateNo"));
    }

    @Test
    void theEnterpriseFindsItsCertificatesByNameIdNumberAndNumberInEitherWidth() {
        String token = enterpriseToken(enterprise);

        JsonNode all = SigningSteps.body(api.get("/enterprise/certificates?size=100", token), 200);
        assertEquals(6, all.get("total").asInt(), all.toString());
        JsonNode byName = SigningSteps.body(api.get("/enterprise/certificates?name=" + Api.seg("子莲"), token), 200);
        assertEquals(List.of(othersCertificate), byName.get("items").findValuesAsText("certificateNo"));
        JsonNode byId = SigningSteps.body(api.get("/enterprise/certificates?size=100&idNo=" + holder.toLowerCase(), token), 200);
        assertEquals(5, byId.get("total").asInt(), byId.toString());
        assertFalse(byId.toString().contains(holder), "the ID number is masked for the enterprise too");
        JsonNode byNumber = SigningSteps.body(api.get("/enterprise/certificates?certificateNo=" + Api.seg(halfWidth(valid)), token), 200);
        assertEquals(List.of(valid), byNumber.get("items").findValuesAsText("certificateNo"));

        JsonNode elsewhere = SigningSteps.body(api.get("/enterprise/certificates", enterpriseToken(otherEnterprise)), 200);
        assertEquals(0, elsewhere.get("total").asInt(), elsewhere.toString());
    }

    @Test
    void theHolderAndTheEnterpriseDownloadTheECertificateThroughThePresignedUrlInEitherWidth() throws Exception {
        for (Api.Reply reply : List.of(api.get("/certificates/" + Api.seg(valid) + "/ofd", api.person(holder)),
                api.get("/certificates/" + Api.seg(halfWidth(valid)) + "/ofd", api.person(holder)),
                api.get("/enterprise/certificates/" + Api.seg(valid) + "/ofd", enterpriseToken(enterprise)),
                api.get("/enterprise/certificates/" + Api.seg(halfWidth(valid)) + "/ofd", enterpriseToken(enterprise)))) {
            JsonNode link = SigningSteps.body(reply, 200);
            assertEquals(validFileName, link.get("fileName").asText());
            assertTrue(link.get("expiresAt").asText().endsWith("+08:00"), link.toString());
            HttpResponse<byte[]> file = fetch(link.get("url").asText());
            assertEquals(200, file.statusCode(), () -> new String(file.body(), StandardCharsets.UTF_8));
            assertArrayEquals(OFD, file.body());
        }
        assertEquals(200, api.get("/certificates/" + Api.seg(expired) + "/ofd", api.person(holder)).status(),
                "an expired certificate may still be downloaded");
    }

    @Test
    void anotherPartysUnknownWithdrawnAndNotYetIssuedCertificatesAreRefusedEachWithItsCode() {
        assertProblem(api.get("/certificates/" + Api.seg(othersCertificate) + "/ofd", api.person(holder)), 404, "NOT_FOUND");
        assertProblem(api.get("/certificates/" + Api.seg(valid) + "/ofd", api.person(other)), 404, "NOT_FOUND");
        assertProblem(api.get("/enterprise/certificates/" + Api.seg(valid) + "/ofd", enterpriseToken(otherEnterprise)), 404, "NOT_FOUND");
        assertProblem(api.get("/certificates/" + Api.seg("沪建安C3（2019）9999999") + "/ofd", api.person(holder)), 404, "NOT_FOUND");

        for (String withdrawn : List.of(cancelled, transferred)) {
            Api.Reply refused = api.get("/certificates/" + Api.seg(withdrawn) + "/ofd", api.person(holder));
            assertProblem(refused, 409, "CERTIFICATE_WITHDRAWN");
            assertTrue(refused.body().get("detail").asText().matches(".*(注销|办理转出).*"), refused.toString());
            assertProblem(api.get("/enterprise/certificates/" + Api.seg(withdrawn) + "/ofd", enterpriseToken(enterprise)), 409,
                    "CERTIFICATE_WITHDRAWN");
        }
        Api.Reply notIssued = api.get("/certificates/" + Api.seg(migrated) + "/ofd", api.person(holder));
        assertProblem(notIssued, 409, "ECERTIFICATE_NOT_ISSUED");
        assertTrue(notIssued.body().get("detail").asText().contains("尚未签发电子证书"), notIssued.toString());
    }

    @Test
    void anyoneVerifiesACertificateWithoutLoginSeeingTheMaskedNameAndNoIdNumber() throws Exception {
        HttpResponse<String> r = publicGet(halfWidth(valid), "application/json");

        assertEquals(200, r.statusCode(), r.body());
        ObjectNode c = (ObjectNode) Api.JSON.readTree(r.body());
        assertTrue(c.remove("licenceId").asText().startsWith("1.2.156.3005.2.11100000000013338W011."), r.body());
        // exactly these facts and no others: no ID number, no photo, the name masked to one star
        assertEquals(Api.JSON.valueToTree(Map.of("certificateNo", valid, "status", "VALID", "statusCode", "01", "statusName", "有效",
                "name", "王*", "category", "C3", "categoryName", "专职安全生产管理人员（综合）", "enterpriseName", "上海浦江建设工程有限公司",
                "validFrom", TODAY.plusYears(2).plusDays(1).minusYears(3).toString(), "validTo", TODAY.plusYears(2).toString())), c);
        assertFalse(r.body().contains(holder) || r.body().contains("王晓丽"), r.body());
        assertSecured(r);
        assertEquals("陈*", Api.JSON.readTree(publicGet(othersCertificate, null).body()).get("name").asText());

        assertEquals("EXPIRED", Api.JSON.readTree(publicGet(expired, null).body()).get("status").asText());
        assertEquals("注销", Api.JSON.readTree(publicGet(cancelled, null).body()).get("statusName").asText());
        assertEquals("办理转出", Api.JSON.readTree(publicGet(transferred, null).body()).get("statusName").asText());
        HttpResponse<String> unknown = publicGet("沪建安C3（2019）9999999", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
        assertEquals("NOT_FOUND", Api.JSON.readTree(unknown.body()).get("code").asText());
    }

    @Test
    void aPhonesBrowserGetsTheChinesePageWithAGreenOrRedBannerAndA404PageForAnUnknownNumber() throws Exception {
        HttpResponse<String> page = publicGet(valid, BROWSER);

        assertEquals(200, page.statusCode(), page.body());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElse(""));
        String html = page.body();
        assertTrue(html.contains("<meta name=\"viewport\"") && html.contains("<div class=\"banner valid\">有效</div>"), html);
        assertTrue(html.contains(valid) && html.contains("王*") && html.contains("上海浦江建设工程有限公司"), html);
        assertFalse(html.contains(holder) || html.contains("王晓丽") || html.contains("<script") || html.contains("<img"), html);
        assertSecured(page);

        assertTrue(publicGet(expired, BROWSER).body().contains("<div class=\"banner invalid\">失效</div>"));
        assertTrue(publicGet(cancelled, BROWSER).body().contains("<div class=\"banner invalid\">注销</div>"));
        assertTrue(publicGet(transferred, BROWSER).body().contains("<div class=\"banner invalid\">办理转出</div>"));
        HttpResponse<String> unknown = publicGet("沪建安C3（2019）9999999", BROWSER);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(unknown.body().contains("未查询到该证书"), unknown.body());
        assertSecured(unknown);
    }

    private static JsonNode item(JsonNode page, String certificateNo) {
        for (JsonNode item : page.get("items")) {
            if (item.get("certificateNo").asText().equals(certificateNo)) {
                return item;
            }
        }
        throw new AssertionError(certificateNo + " not in " + page);
    }

    private static String halfWidth(String number) {
        return number.replace('（', '(').replace('）', ')');
    }

    private static String enterpriseToken(String uscc) {
        return api.token(Map.of("role", "enterprise", "uscc", uscc));
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
        assertEquals(code, reply.body().get("code").asText(), reply.toString());
    }

    private static void assertSecured(HttpResponse<String> r) {
        assertEquals("no-store", r.headers().firstValue("cache-control").orElse(""));
        assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(""));
        assertTrue(r.headers().firstValue("content-security-policy").orElse("").startsWith("default-src 'none'"), r.headers().toString());
    }

    /** Without any Authorization header, as a phone that scanned the QR code. */
    private static HttpResponse<String> publicGet(String certificateNo, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(LocalRunner.shared().baseUrl().toString().replaceAll("/$", "")
                + "/public/certificates/" + Api.seg(certificateNo))).timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Follows a download link as the browser would. */
    private static HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
