package anguan.local.e2e;

import static anguan.local.e2e.World.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.e2e.SigningSteps.Filed;
import anguan.local.e2e.SigningSteps.Party;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The life of certificates through the local runner, with API.md's routes only (and {@code /dev/*}):
 * each of the six applications from 新建 to its effect, the e-certificate downloaded by its holder
 * and its enterprise, its SM2 seal checked with ofdrw's validator ({@link OfdChecks}), every face
 * field read back from the OFD and compared with the registry's data, a tampered copy reported
 * invalid, the QR code decoded and followed to the public verification page; withdrawn
 * certificates no longer download and verify as withdrawn; a lapsed one verifies as 失效.
 */
class CertificateLifeIT {
    private static final DateTimeFormatter FACE_DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");
    private static final Pattern SHANGHAI_NUMBER = Pattern.compile("沪建安(A|B|C1|C2|C3)（\\d{4}）\\d{7}");
    private static final Duration EFFECT_WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Api api;
    private static World world;
    private static SigningSteps steps;
    private static String reviewer;

    @BeforeAll
    static void runner() {
        api = RunnerFixture.api();
        world = new World(api);
        steps = new SigningSteps(api);
        reviewer = api.token(Map.of("role", "reviewer", "sub", "life-it-reviewer"));
    }

    /** 考核发证 → 省内变更受聘企业 → 离沪变更: one certificate from its first file to its withdrawal. */
    @Test
    void aCertificateIsIssuedMovesWithItsHolderAndIsTransferredOut() throws Exception {
        Holder holder = holder("陈子莲");
        String firstEnterprise = world.enterprise("上海申江建设工程有限公司", TestIds.mobile());
        world.employ(holder.idNo(), firstEnterprise);
        world.exam(holder.idNo(), "INITIAL", "C3", TODAY.minusDays(30), true);

        Filed first = approved(steps.submitted(holder.at(firstEnterprise), "FIRST_ISSUE", Map.of("category", "C3", "position", "08"), Map.of()));
        JsonNode issued = waitForCertificate(holder, c -> c.get("category").asText().equals("C3") && c.has("ofdFileName"));
        String number = issued.get("certificateNo").asText();
        // the day of the decision, not of this class's start: a run across Shanghai's midnight decides on the next day
        LocalDate approvedOn = decidedOn(first);
        assertTrue(SHANGHAI_NUMBER.matcher(number).matches(), number);
        assertTrue(number.contains("（" + approvedOn.getYear() + "）"), "the year of approval: " + number);
        assertEquals("VALID", issued.get("status").asText());
        assertEquals(approvedOn.toString(), issued.get("firstIssueDate").asText(), "a first issue starts on the approval date");
        assertEquals(approvedOn.toString(), issued.get("validFrom").asText());
        assertEquals(approvedOn.plusYears(3).minusDays(1).toString(), issued.get("validTo").asText());
        assertEquals(firstEnterprise, issued.get("uscc").asText());
        assertEquals("上海申江建设工程有限公司", issued.get("enterpriseName").asText());
        assertTrue(issued.get("licenceId").asText().contains(".001."), "the first file is version 001: " + issued);
        assertFalse(issued.toString().contains(holder.idNo()), "lists mask the ID number");

        byte[] ofd = ofdOf(holder.token(), "/certificates/", issued);
        assertSealedFace(ofd, holder, issued, approvedOn);
        assertFalse(OfdChecks.sealValid(tampered(ofd)), "a changed face no longer verifies");
        byte[] sameForTheEnterprise = ofdOf(first.enterpriseToken(), "/enterprise/certificates/", issued);
        assertTrue(OfdChecks.sealValid(sameForTheEnterprise));
        assertQrCodeOpensItsVerification(ofd, number, holder.idNo());
        steps.waitForSms(holder.mobile(), texts -> texts.stream().anyMatch(t -> t.contains(number)));
        assertTrail(first, "DECIDED", "CERTIFICATE_ISSUED");

        // 省内变更受聘企业: the holder now works for another enterprise, which takes the certificate along.
        String secondEnterprise = world.enterprise("上海浦东新区建筑安装有限公司", TestIds.mobile());
        world.employ(holder.idNo(), secondEnterprise);
        Filed moved = approved(steps.submitted(holder.at(secondEnterprise), "EMPLOYER_CHANGE", Map.of("uscc", secondEnterprise), Map.of()));
        JsonNode atSecond = waitForCertificate(holder, c -> c.get("certificateNo").asText().equals(number)
                && c.get("uscc").asText().equals(secondEnterprise) && c.get("licenceId").asText().contains(".002."));
        assertEquals("上海浦东新区建筑安装有限公司", atSecond.get("enterpriseName").asText());
        assertEquals(issued.get("validFrom").asText(), atSecond.get("validFrom").asText(), "an employer change keeps the validity");
        assertEquals(issued.get("validTo").asText(), atSecond.get("validTo").asText());
        assertEquals(issued.get("firstIssueDate").asText(), atSecond.get("firstIssueDate").asText());
        assertSealedFace(ofdOf(holder.token(), "/certificates/", atSecond), holder, atSecond, decidedOn(moved));
        assertFalse(listed("/enterprise/certificates?certificateNo=" + Api.seg(number), first.enterpriseToken()).contains(number),
                "the first enterprise no longer lists it");
        assertTrue(listed("/enterprise/certificates?certificateNo=" + Api.seg(number), moved.enterpriseToken()).contains(number));
        steps.waitForSms(holder.mobile(), texts -> texts.stream().filter(t -> t.contains(number)).count() >= 2);
        assertTrail(moved, "DECIDED", "CERTIFICATE_ISSUED");

        // 离沪变更: withdrawn, listed, no longer downloadable, verifies as 办理转出.
        approved(steps.submitted(holder.at(secondEnterprise), "TRANSFER_OUT", Map.of("certificateNo", number), Map.of()));
        JsonNode out = waitForCertificate(holder, c -> c.get("certificateNo").asText().equals(number)
                && c.get("status").asText().equals("TRANSFERRED_OUT"));
        assertEquals("06", out.get("statusCode").asText());
        assertWithdrawn(holder.token(), "/certificates/", number);
        assertWithdrawn(moved.enterpriseToken(), "/enterprise/certificates/", number);
        assertPublicStatus(number, "TRANSFERRED_OUT", "办理转出", holder.idNo());
    }

    /** 证书延期 of a migrated certificate near its end (its first file), then 证书注销. */
    @Test
    void aMigratedCertificateIsRenewedThenCancelled() throws Exception {
        Holder holder = holder("欧阳晓明");
        String enterprise = world.enterprise("上海黄浦建工集团有限公司", TestIds.mobile());
        world.employ(holder.idNo(), enterprise);
        LocalDate oldValidTo = TODAY.plusDays(40);
        world.exam(holder.idNo(), "CONTINUING", "C2", TODAY.minusMonths(5), true);
        String number = world.certificate(holder.idNo(), "C2", "08", enterprise, oldValidTo, "VALID");
        JsonNode migrated = waitForCertificate(holder, c -> c.get("certificateNo").asText().equals(number));
        assertFalse(migrated.has("ofdFileName") && !migrated.get("ofdFileName").isNull(), "a migrated certificate has no file: " + migrated);

        Filed renewal = approved(steps.submitted(holder.at(enterprise), "RENEWAL", Map.of("certificateNo", number), Map.of()));
        JsonNode renewed = waitForCertificate(holder, c -> c.get("certificateNo").asText().equals(number) && c.has("ofdFileName")
                && !c.get("ofdFileName").isNull());
        assertEquals(oldValidTo.plusDays(1).toString(), renewed.get("validFrom").asText(), "validFrom = the old validTo + 1 day");
        assertEquals(oldValidTo.plusDays(1).plusYears(3).minusDays(1).toString(), renewed.get("validTo").asText());
        assertEquals(migrated.get("firstIssueDate").asText(), renewed.get("firstIssueDate").asText());
        assertEquals("VALID", renewed.get("status").asText());
        assertSealedFace(ofdOf(holder.token(), "/certificates/", renewed), holder, renewed, decidedOn(renewal));
        assertTrail(renewal, "DECIDED", "CERTIFICATE_ISSUED");

        approved(steps.submitted(holder.at(enterprise), "CANCELLATION", Map.of("certificateNo", number), Map.of("cancelReason", "LEFT_POST")));
        JsonNode cancelled = waitForCertificate(holder, c -> c.get("certificateNo").asText().equals(number)
                && c.get("status").asText().equals("CANCELLED"));
        assertEquals("04", cancelled.get("statusCode").asText());
        assertEquals(renewed.get("licenceId").asText(), cancelled.get("licenceId").asText(), "a withdrawal makes no new file");
        assertWithdrawn(holder.token(), "/certificates/", number);
        assertPublicStatus(number, "CANCELLED", "注销", holder.idNo());
    }

    /** 进沪换证: a new 沪 number of the same category, the original validity kept; the national record cannot be exchanged twice. */
    @Test
    void anOutOfProvinceCertificateIsExchangedForAShanghaiOneOnce() throws Exception {
        Holder holder = holder("林海峰");
        String enterprise = world.enterprise("上海长宁建设发展有限公司", TestIds.mobile());
        world.employ(holder.idNo(), enterprise);
        String national = TestIds.certificateNo("C1", 2024).replace("沪", "鲁");
        LocalDate originalTo = TODAY.plusMonths(20);
        world.external(national, holder.idNo(), holder.name(), "C1", originalTo, true);

        Filed transfer = approved(steps.submitted(holder.at(enterprise), "TRANSFER_IN",
                Map.of("originalCertificateNo", national, "position", "08"), Map.of()));
        JsonNode issued = waitForCertificate(holder, c -> c.get("category").asText().equals("C1") && c.has("ofdFileName")
                && !c.get("ofdFileName").isNull());
        String number = issued.get("certificateNo").asText();
        assertTrue(number.startsWith("沪建安C1（" + decidedOn(transfer).getYear() + "）"), number);
        assertEquals(originalTo.toString(), issued.get("validTo").asText(), "the original validity is kept");
        assertEquals(originalTo.plusDays(1).minusYears(3).toString(), issued.get("validFrom").asText());
        assertSealedFace(ofdOf(holder.token(), "/certificates/", issued), holder, issued, decidedOn(transfer));
        assertTrail(transfer, "DECIDED", "CERTIFICATE_ISSUED");

        // The same national record a second time: refused at 签名上报, whatever else holds.
        Api.Reply created = api.post("/applications", Map.of("type", "TRANSFER_IN", "originalCertificateNo", national,
                "position", "08"), holder.token());
        if (created.status() == 201) {
            String no = created.body().get("applicationNo").asText();
            Api.Reply saved = api.put("/applications/" + no, Map.of("enterprisePhone", "021-64881234", "consent", true,
                    "version", created.body().get("version").asLong()), holder.token());
            assertEquals(200, saved.status(), saved.toString());
            Api.Reply submitted = api.post("/applications/" + no + "/submit", null, holder.token());
            assertEquals(422, submitted.status(), submitted.toString());
            assertTrue(submitted.body().get("violations").findValuesAsText("code").contains("EXTERNAL_ALREADY_EXCHANGED"), submitted.toString());
        } else {
            assertEquals(422, created.status(), created.toString());
        }
    }

    /** 证书注销 straight after a first issue: the e-certificate is withdrawn, the list still shows it. */
    @Test
    void aCancelledCertificateIsListedButNoLongerDownloads() throws Exception {
        Filed f = approved(steps.submitted("CANCELLATION"));
        String token = f.token();
        JsonNode cancelled = waitFor(() -> items("/certificates", token).stream()
                .filter(c -> c.get("status").asText().equals("CANCELLED")).findFirst());
        assertEquals("注销", cancelled.get("statusName").asText());
        assertWithdrawn(token, "/certificates/", cancelled.get("certificateNo").asText());
    }

    /** A certificate stored VALID whose end date has passed shows and verifies as 05 失效. */
    @Test
    void aLapsedCertificateVerifiesAsExpired() {
        Holder holder = holder("张伟");
        String enterprise = world.enterprise("上海徐汇建筑工程有限公司");
        String number = world.certificate(holder.idNo(), "B", "07", enterprise, TODAY.minusDays(1), "VALID");
        JsonNode shown = waitForCertificate(holder, c -> c.get("certificateNo").asText().equals(number));
        assertEquals("EXPIRED", shown.get("status").asText());
        assertEquals("05", shown.get("statusCode").asText());
        assertPublicStatus(number, "EXPIRED", "失效", holder.idNo());
    }

    /** A rejected application changes no certificate and issues nothing. */
    @Test
    void aRejectionIssuesNothing() throws Exception {
        Filed f = steps.underReview(steps.submitted("FIRST_ISSUE"));
        Api.Reply rejected = api.post("/review/applications/" + f.applicationNo() + "/decision",
                Map.of("decision", "REJECT", "opinion", "考试成绩复核未通过"), reviewer);
        assertEquals(200, rejected.status(), rejected.toString());
        assertEquals("REJECTED", rejected.body().get("status").asText());
        steps.waitForSms(f.mobile(), texts -> texts.stream().anyMatch(t -> t.contains(f.applicationNo()) && t.contains("不予许可")));
        Thread.sleep(1500); // what an approval would have issued by now (an approval's certificate lands within a second here)
        assertTrue(items("/certificates", f.token()).isEmpty(), "nothing issued for a rejection");
    }

    // ---- steps ----

    private record Holder(String idNo, String name, String mobile, String token) {
        Party at(String uscc) {
            return new Party(idNo, mobile, uscc, null);
        }
    }

    private static Holder holder(String name) {
        String mobile = TestIds.mobile();
        String idNo = world.person(name, true, mobile);
        return new Holder(idNo, name, mobile, api.person(idNo));
    }

    /** Signed by the person and the enterprise, approved by a reviewer. */
    private static Filed approved(Filed submitted) {
        Filed f = steps.underReview(submitted);
        Api.Reply decided = api.post("/review/applications/" + f.applicationNo() + "/decision",
                Map.of("decision", "APPROVE", "opinion", "材料齐全，准予许可"), reviewer);
        assertEquals(200, decided.status(), decided.toString());
        assertEquals("APPROVED", decided.body().get("status").asText(), decided.toString());
        return f;
    }

    /** The Shanghai day the application was decided on, as the application says. */
    private static LocalDate decidedOn(Filed f) {
        Api.Reply application = api.get("/applications/" + f.applicationNo(), f.token());
        assertEquals(200, application.status(), application.toString());
        return java.time.OffsetDateTime.parse(application.body().get("decidedAt").asText())
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    private static JsonNode waitForCertificate(Holder holder, Predicate<JsonNode> which) {
        return waitFor(() -> items("/certificates?size=100", holder.token()).stream().filter(which).findFirst());
    }

    private static <T> T waitFor(java.util.function.Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(EFFECT_WAIT);
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            assertTrue(Instant.now().isBefore(deadline), "the effect did not show within " + EFFECT_WAIT);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static List<JsonNode> items(String path, String token) {
        Api.Reply r = api.get(path, token);
        assertEquals(200, r.status(), r.toString());
        List<JsonNode> items = new ArrayList<>();
        r.body().get("items").forEach(items::add);
        return items;
    }

    private static List<String> listed(String path, String token) {
        return items(path, token).stream().map(c -> c.get("certificateNo").asText()).toList();
    }

    /** The e-certificate as its download link serves it. */
    private static byte[] ofdOf(String token, String base, JsonNode certificate) throws Exception {
        String number = certificate.get("certificateNo").asText();
        Api.Reply link = api.get(base + Api.seg(number) + "/ofd", token);
        assertEquals(200, link.status(), link.toString());
        assertEquals(certificate.get("ofdFileName").asText(), link.body().get("fileName").asText());
        assertTrue(link.body().get("fileName").asText().endsWith(".ofd"), link.toString());
        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(link.body().get("url").asText()))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        byte[] ofd = file.body();
        assertTrue(ofd.length > 4 && ofd[0] == 'P' && ofd[1] == 'K', "an OFD is a zip");
        assertTrue(ofd.length <= 150 * 1024, "≤ 150 KB: " + ofd.length);
        return ofd;
    }

    /** The seal verifies and every face field reads back as the registry and the certificate say. */
    /** @param issuedOn the day the file was made (发证日期): the day of the decision that made it */
    private static void assertSealedFace(byte[] ofd, Holder holder, JsonNode certificate, LocalDate issuedOn) {
        assertTrue(OfdChecks.sealValid(ofd), "the authority's SM2 seal verifies");
        String face = String.join("", OfdChecks.texts(ofd)).replaceAll("\\s", "");
        Map<String, String> expected = new HashMap<>();
        expected.put("姓名", holder.name());
        expected.put("性别", TestIds.gender(holder.idNo()).equals("M") ? "男" : "女");
        expected.put("出生日期", FACE_DATE.format(LocalDate.parse(TestIds.birthDate(holder.idNo()))));
        expected.put("身份证件号码", holder.idNo());
        expected.put("企业名称", certificate.get("enterpriseName").asText());
        expected.put("统一社会信用代码", certificate.get("uscc").asText());
        expected.put("职务", certificate.get("positionName").asText());
        expected.put("类别", certificate.get("categoryName").asText());
        expected.put("证书编号", certificate.get("certificateNo").asText());
        expected.put("初次领证日期", FACE_DATE.format(LocalDate.parse(certificate.get("firstIssueDate").asText())));
        expected.put("有效期", FACE_DATE.format(LocalDate.parse(certificate.get("validFrom").asText())) + "至"
                + FACE_DATE.format(LocalDate.parse(certificate.get("validTo").asText())));
        expected.put("发证机关", "上海市住房和城乡建设管理委员会");
        expected.put("发证日期", FACE_DATE.format(issuedOn));
        expected.put("证照标识", certificate.get("licenceId").asText());
        expected.forEach((label, value) -> {
            assertTrue(face.contains(label), "the face has its " + label + " label");
            assertTrue(face.contains(value.replaceAll("\\s", "")), label + " reads " + value + " on the face: " + face);
        });
    }

    /** One character of the page's content changed and the zip written again: what a forger would do. */
    private static byte[] tampered(byte[] ofd) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ofd)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (!changed && e.getName().endsWith("Content.xml") && e.getName().contains("Page")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    String forged = xml.replaceFirst("20(\\d\\d)年", "21$1年");
                    assertFalse(forged.equals(xml), "a date on the page to change");
                    content = forged.getBytes(StandardCharsets.UTF_8);
                    changed = true;
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        assertTrue(changed, "the page content was found");
        return out.toByteArray();
    }

    /** The QR code on the face decodes to this certificate's public page, which answers a phone: 有效. */
    private static void assertQrCodeOpensItsVerification(byte[] ofd, String number, String idNo) throws Exception {
        String url = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null && url == null; ) {
                String name = e.getName().toLowerCase();
                if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) {
                    url = decodedQr(in.readAllBytes());
                }
            }
        }
        assertNotNull(url, "a QR code on the face");
        assertTrue(url.endsWith("/public/certificates/" + Api.seg(number)) || url.endsWith("/public/certificates/" + number), url);
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml")
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"), page.headers().toString());
        assertTrue(page.body().contains(number), page.body());
        assertTrue(page.body().contains("有效"), page.body());
        assertFalse(page.body().contains(idNo), "no ID number on the page a phone sees");
        assertPublicStatus(number, "VALID", "有效", idNo);
    }

    private static String decodedQr(byte[] image) throws IOException {
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(image));
        if (read == null) {
            return null;
        }
        int[] pixels = read.getRGB(0, 0, read.getWidth(), read.getHeight(), null, 0, read.getWidth());
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(read.getWidth(), read.getHeight(), pixels)))).getText();
        } catch (NotFoundException notAQrCode) {
            return null; // the photo
        }
    }

    private static void assertPublicStatus(String number, String status, String statusName, String idNo) {
        Api.Reply pub = api.get("/public/certificates/" + Api.seg(number), null);
        assertEquals(200, pub.status(), pub.toString());
        assertEquals(status, pub.body().get("status").asText(), pub.toString());
        assertEquals(statusName, pub.body().get("statusName").asText(), pub.toString());
        assertFalse(pub.raw().contains(idNo), "no ID number in the public verification");
        assertFalse(pub.body().has("idNo"), pub.toString());
    }

    private static void assertWithdrawn(String token, String base, String number) {
        Api.Reply link = api.get(base + Api.seg(number) + "/ofd", token);
        assertEquals(409, link.status(), link.toString());
        assertEquals("CERTIFICATE_WITHDRAWN", link.body().get("code").asText(), link.toString());
    }

    private static void assertTrail(Filed f, String... actions) {
        Api.Reply events = api.get("/applications/" + f.applicationNo() + "/events", f.token());
        assertEquals(200, events.status(), events.toString());
        List<String> trail = events.body().get("items").findValuesAsText("action");
        for (String action : actions) {
            assertEquals(1, trail.stream().filter(action::equals).count(), action + " once in " + trail);
        }
        Api.Reply forReviewers = api.get("/review/applications/" + f.applicationNo() + "/events", reviewer);
        assertEquals(200, forReviewers.status(), forReviewers.toString());
        assertEquals(trail, forReviewers.body().get("items").findValuesAsText("action"));
    }
}
