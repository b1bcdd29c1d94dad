package anguan.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.dynamo.DynamoApplicationRepository;
import anguan.aws.dynamo.DynamoCertificateRepository;
import anguan.aws.dynamo.Table;
import anguan.aws.sqs.SqsIssueQueue;
import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import anguan.domain.certificate.Validity;
import anguan.domain.common.Versioned;
import anguan.domain.issuance.IssueOrder;
import anguan.local.LocalRunner;
import anguan.local.e2e.SigningSteps.Filed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * 证书发放 end to end through the local runner: a reviewer's approval puts an order on the certificate
 * queue, the runner's poller hands it to IssueCertificateFunction, and the effect is there: the
 * certificate in DynamoDB, its OFD in S3 sealed with the authority's SM2 seal (verified by ofdrw in
 * the function's own class path, {@link OfdChecks}) and carrying the face's texts (the full ID
 * number: documents carry it whole), the person's SMS, one 证书发放 line in the trail. The same
 * order sent again changes nothing. Then a renewal (validity moved, the next 证照标识 version, a
 * new file) and a cancellation (withdrawn, no new file).
 */
class IssueCertificateIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final DateTimeFormatter FACE_DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

    private static Api api;
    private static SigningSteps steps;
    private static String reviewer;
    private static LocalRunner runner;
    private static DynamoApplicationRepository applications;
    private static DynamoCertificateRepository certificates;
    private static String bucket;

    @BeforeAll
    static void runner() {
        api = RunnerFixture.api();
        steps = new SigningSteps(api);
        reviewer = api.token(Map.of("role", "reviewer", "sub", "reviewer-issue-it"));
        runner = LocalRunner.shared();
        Table table = new Table(runner.cloud().dynamoDb(), String.valueOf(runner.names().ref("AnguanTable")));
        applications = new DynamoApplicationRepository(table);
        certificates = new DynamoCertificateRepository(table);
        bucket = String.valueOf(runner.names().ref("DocumentBucket"));
    }

    @Test
    void anApprovedFirstIssueGetsASealedOfdWithItsFaceAnSmsAndOneTrailLineAndARedeliveryChangesNothing() {
        Filed f = steps.underReview("FIRST_ISSUE");

        Application applied = approveAndWaitForTheEffect(f);

        String number = applied.issued().getLast();
        assertTrue(number.matches("沪建安C3（" + Instant.now().atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear() + "）\\d{7}"), number);
        Versioned<Certificate> stored = certificates.findVersioned(number).orElseThrow();
        Certificate c = stored.value();
        assertEquals(f.idNo(), c.idNo());
        assertEquals(CertificateStatus.VALID, c.status());
        assertEquals(1, c.licenceVersion());
        assertEquals("certificates/" + number + "/001.ofd", c.ofdKey());

        byte[] ofd = file(c.ofdKey());
        assertTrue(OfdChecks.sealValid(ofd), "the authority's seal verifies");
        List<String> texts = OfdChecks.texts(ofd);
        for (String expected : List.of("王晓丽", f.idNo(), "上海浦江建设工程有限公司", f.uscc(), "C3类 " + Category.C3.displayName(),
                Position.P08.displayName(), number, FACE_DATE.format(c.validFrom()) + "至" + FACE_DATE.format(c.validTo()),
                "发证机关", "上海市住房和城乡建设管理委员会", "证照标识：" + c.licenceId())) {
            assertTrue(texts.contains(expected), expected + " not among the texts " + texts);
        }
        assertTrue(OfdChecks.hasPhoto(ofd), "the registry's photo is on the face");
        List<String> ready = steps.waitForSms(f.mobile(), sms -> sms.stream().anyMatch(t -> t.contains(number) && t.contains("电子证书已生成")));
        assertEquals(1, ready.stream().filter(t -> t.contains(number)).count(), ready.toString());
        assertEquals(1, issuedLines(f.applicationNo()));

        // at-least-once: the same order again
        sendAgain(IssueOrder.approved(f.applicationNo(), Instant.now()));
        waitUntilTheCertificateQueueIsEmpty();

        Application after = applications.find(f.applicationNo()).orElseThrow();
        assertEquals(applied.issued(), after.issued(), "no second number");
        assertEquals(applied.version(), after.version());
        assertEquals(stored.version(), certificates.findVersioned(number).orElseThrow().version(), "the certificate untouched");
        assertEquals(1, issuedLines(f.applicationNo()), "one 证书发放 line");
        assertEquals(1, steps.waitForSms(f.mobile(), sms -> true).stream().filter(t -> t.contains(number)).count(), "no second SMS");
        assertTrue(java.util.Arrays.equals(ofd, file(c.ofdKey())), "the file untouched");
    }

    @Test
    void aFileChangedInsideOrCorruptedAsAZipNoLongerVerifies() {
        Filed f = steps.underReview("FIRST_ISSUE");
        Application applied = approveAndWaitForTheEffect(f);
        byte[] ofd = file(certificates.find(applied.issued().getLast()).orElseThrow().ofdKey());
        assertTrue(OfdChecks.sealValid(ofd));

        byte[] edited = withOneByteFlipped(ofd, "Doc_0/Pages/Page_0/Content.xml", f.idNo());
        assertFalse(OfdChecks.sealValid(edited), "one byte of the page's XML changed, re-zipped properly");
        String changed = (char) (f.idNo().charAt(0) ^ 0x01) + f.idNo().substring(1);
        assertTrue(OfdChecks.texts(edited).contains(changed), "the changed ID number is what the page now says");
        assertTrue(OfdChecks.texts(edited).size() > 10, "still a readable OFD: the seal, not the zip, refuses it");
        byte[] corrupted = ofd.clone();
        corrupted[corrupted.length / 2] ^= 0x01;
        assertFalse(OfdChecks.sealValid(corrupted), "a byte of the raw zip flipped");
    }

    @Test
    void anApprovedRenewalMovesTheValidityAndIssuesTheNextFile() {
        Filed f = steps.underReview("RENEWAL");
        Application filed = applications.find(f.applicationNo()).orElseThrow();
        Certificate before = filed.certificates().getFirst();

        approveAndWaitForTheEffect(f);

        Certificate renewed = certificates.find(before.certificateNo()).orElseThrow();
        assertEquals(Validity.renewedValidFrom(before.validTo()), renewed.validFrom());
        assertEquals(Validity.validTo(renewed.validFrom()), renewed.validTo());
        int version = before.licenceVersion() + 1;
        assertEquals(version, renewed.licenceVersion());
        assertTrue(renewed.licenceId().contains(".%03d.".formatted(version)), renewed.licenceId());
        assertEquals("certificates/" + before.certificateNo() + "/%03d.ofd".formatted(version), renewed.ofdKey());
        byte[] ofd = file(renewed.ofdKey());
        assertTrue(OfdChecks.sealValid(ofd));
        List<String> texts = OfdChecks.texts(ofd);
        assertTrue(texts.contains(FACE_DATE.format(renewed.validFrom()) + "至" + FACE_DATE.format(renewed.validTo())), texts.toString());
        assertTrue(texts.contains("证照标识：" + renewed.licenceId()), texts.toString());
        steps.waitForSms(f.mobile(), sms -> sms.stream().anyMatch(t -> t.contains(before.certificateNo()) && t.contains("重新签发")));
        assertEquals(1, issuedLines(f.applicationNo()));
    }

    @Test
    void anApprovedCancellationWithdrawsTheCertificateWithoutANewFile() {
        Filed f = steps.underReview("CANCELLATION");
        Certificate before = applications.find(f.applicationNo()).orElseThrow().certificates().getFirst();
        long files = filesUnder("certificates/" + before.certificateNo() + "/");

        approveAndWaitForTheEffect(f);

        Certificate cancelled = certificates.find(before.certificateNo()).orElseThrow();
        assertEquals(CertificateStatus.CANCELLED, cancelled.status());
        assertEquals(before.licenceVersion(), cancelled.licenceVersion());
        assertEquals(before.ofdKey(), cancelled.ofdKey());
        assertEquals(files, filesUnder("certificates/" + before.certificateNo() + "/"), "no new file");
        List<String> actions = trail(f.applicationNo());
        assertEquals(1, actions.stream().filter(ApplicationEvent.Action.CERTIFICATE_CANCELLED.name()::equals).count(), actions.toString());
        assertFalse(actions.contains(ApplicationEvent.Action.CERTIFICATE_ISSUED.name()), actions.toString());
    }

    /**
     * The zip carries the OFD line (ofdrw, BouncyCastle jdk15on) and none of the PDF signer's (PDFBox,
     * jdk18on, anguan-pdf), which must never share its class path (DESIGN.md, Known constraints), nor
     * SNS; and it stays within the 35 MB of a function with documents.
     */
    @Test
    void theFunctionsZipCarriesTheOfdLineOnlyAndStaysWithin35Mb() throws IOException {
        java.nio.file.Path zipFile = anguan.local.ProjectRoot.locate().resolve("functions/issue-certificate/target/issue-certificate.zip");
        assertTrue(java.nio.file.Files.size(zipFile) <= 35L * 1000 * 1000, java.nio.file.Files.size(zipFile) + " bytes");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(zipFile.toFile())) {
            List<String> jars = zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("lib/")).toList();
            for (String needed : List.of("lib/ofdrw-sign-", "lib/bcprov-jdk15on-", "lib/bcpkix-jdk15on-", "lib/anguan-ofd-", "lib/sqs-",
                    "lib/secretsmanager-")) {
                assertTrue(jars.stream().anyMatch(j -> j.startsWith(needed)), "lacks " + needed + "*: " + jars);
            }
            assertEquals(List.of(), jars.stream().filter(j -> j.contains("jdk18on") || j.startsWith("lib/pdfbox-3")
                    || j.startsWith("lib/anguan-pdf-") || j.startsWith("lib/sns-")).toList());
            assertTrue(zip.getEntry("anguan/issuecertificate/IssueCertificateHandler.class") != null, "the handler at the root");
        }
    }

    /** The reviewer approves; then the application as the consumer left it, once its effect is applied. */
    private static Application approveAndWaitForTheEffect(Filed f) {
        Api.Reply approved = api.post("/review/applications/" + f.applicationNo() + "/decision", Map.of("decision", "APPROVE"), reviewer);
        assertEquals(200, approved.status(), approved.toString());
        return waitFor(() -> applications.find(f.applicationNo()).orElseThrow(), Application::isEffectApplied,
                "the effect of " + f.applicationNo());
    }

    private static <T> T waitFor(java.util.function.Supplier<T> read, Predicate<T> until, String what) {
        Instant deadline = Instant.now().plus(PATIENCE);
        T value = read.get();
        while (!until.test(value)) {
            assertTrue(Instant.now().isBefore(deadline), what + " not within " + PATIENCE + ": " + value);
            pause();
            value = read.get();
        }
        return value;
    }

    private static void sendAgain(IssueOrder order) {
        runner.cloud().sqs().sendMessage(r -> r.queueUrl(certificateQueue()).messageBody(SqsIssueQueue.body(order)));
    }

    /** No message waiting or in flight: the consumer has answered every order sent so far. */
    private static void waitUntilTheCertificateQueueIsEmpty() {
        waitFor(() -> runner.cloud().sqs().getQueueAttributes(r -> r.queueUrl(certificateQueue()).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes(), attributes -> attributes.values().stream().allMatch("0"::equals), "an empty certificate queue");
    }

    private static String certificateQueue() {
        return runner.names().queueUrls().get("CertificateQueue");
    }

    private static long issuedLines(String applicationNo) {
        return trail(applicationNo).stream().filter(ApplicationEvent.Action.CERTIFICATE_ISSUED.name()::equals).count();
    }

    /** The trail's actions as the reviewers' API shows them. */
    private static List<String> trail(String applicationNo) {
        return SigningSteps.body(api.get("/review/applications/" + applicationNo + "/events", reviewer), 200)
                .get("items").findValuesAsText("action");
    }

    private static byte[] file(String key) {
        return runner.cloud().s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    private static long filesUnder(String prefix) {
        return runner.cloud().s3().listObjectsV2(r -> r.bucket(bucket).prefix(prefix)).keyCount();
    }

    /**
     * The OFD re-zipped with one byte of one entry flipped (the lowest bit of the first digit of
     * {@code text} in its XML): a valid zip and a readable document that says something else.
     */
    private static byte[] withOneByteFlipped(byte[] ofd, String entryName, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ofd)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(entryName)) {
                    int at = new String(content, StandardCharsets.ISO_8859_1).indexOf(text);
                    assertNotEquals(-1, at, text + " in " + entryName);
                    content[at] ^= 0x01;
                    found = true;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(found, entryName + " in the OFD");
        return out.toByteArray();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
