package anguan.local.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.dynamo.DynamoApplicationRepository;
import anguan.aws.dynamo.DynamoDeliveredNotices;
import anguan.aws.dynamo.Table;
import anguan.aws.sqs.NoticeMessages;
import anguan.domain.application.Applicant;
import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEnterprise;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.certificate.Category;
import anguan.domain.notification.Notice;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.local.LocalRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The notifier end to end in the local runner: a notice put on the template's NotificationQueue is
 * polled into NotifierFunction's zip as an SQS event and sent through the local SNS, where
 * {@code GET /dev/sms} shows it. Each test waits until the queue is empty again, so one test's
 * message never counts in another's.
 */
class NotifierIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The runner retries a failed message after a second; five receives and the dead-letter queue take some seconds more. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static LocalRunner runner;
    private static SqsClient sqs;
    private static String queueUrl;
    private static Table table;

    @BeforeAll
    static void start() {
        runner = LocalRunner.shared();
        sqs = runner.cloud().sqs();
        queueUrl = String.valueOf(runner.names().ref("NotificationQueue"));
        table = new Table(runner.cloud().dynamoDb(), String.valueOf(runner.names().ref("AnguanTable")));
    }

    @Test
    void aNoticeOnTheQueueIsSentAsOneSms() throws Exception {
        String mobile = mobile();
        Notice notice = new Notice("sms-code:W2026112700001:" + ThreadLocalRandom.current().nextLong(), mobile,
                "【安管人员考核发证】您正在签署《考核发证申请表_20261127100000.pdf》，验证码482915，30分钟内有效。",
                "W2026112700001", Notice.Requires.NOTHING, Instant.now());

        send(notice);

        assertEquals(List.of(notice.text()), await(() -> Optional.of(smsTo(mobile)).filter(l -> !l.isEmpty()), "the SMS"));
        awaitEmpty();
        assertEquals(List.of(notice.text()), smsTo(mobile));
        assertTrue(new DynamoDeliveredNotices(table).isDelivered(notice.id()));
    }

    @Test
    void theSameNoticeDeliveredTwiceIsStillOneSms() throws Exception {
        String mobile = mobile();
        Notice notice = new Notice("enterprise-signed:W2026112700002:" + ThreadLocalRandom.current().nextLong(), mobile,
                "【安管人员考核发证】您的考核发证申请（W2026112700002）已受理。", "W2026112700002", Notice.Requires.NOTHING, Instant.now());

        send(notice);
        send(notice);

        awaitEmpty();
        assertEquals(List.of(notice.text()), smsTo(mobile));
    }

    @Test
    void aNoticeOfAPersonalSignatureStillInDraftIsRetriedAndNeverSent() throws Exception {
        String mobile = mobile();
        Notice notice = awaitingEnterprise(draft(), mobile);

        send(notice);

        String deadLetters = String.valueOf(runner.names().ref("NotificationDeadLetterQueue"));
        Message dead = await(() -> sqs.receiveMessage(r -> r.queueUrl(deadLetters).waitTimeSeconds(1).maxNumberOfMessages(10))
                        .messages().stream()
                .filter(m -> NoticeMessages.notice(m.body()).id().equals(notice.id())).findFirst(), "the notice in the dead-letter queue");
        sqs.deleteMessage(d -> d.queueUrl(deadLetters).receiptHandle(dead.receiptHandle()));
        assertEquals(List.of(), smsTo(mobile), "retried until the dead-letter queue, never sent");
        assertFalse(new DynamoDeliveredNotices(table).isDelivered(notice.id()));
    }

    @Test
    void aNoticeThatCameBeforeItsWriteIsSentOnceTheWriteLands() throws Exception {
        String mobile = mobile();
        Application draft = draft();
        Notice notice = awaitingEnterprise(draft, mobile);

        send(notice);
        Thread.sleep(1_500); // received at least once while the application is still a draft
        assertEquals(List.of(), smsTo(mobile));
        Instant signed = Instant.now();
        new DynamoApplicationRepository(table).update(draft.toBuilder().status(ApplicationStatus.AWAITING_ENTERPRISE)
                .personalSignedAt(signed).updatedAt(signed).version(2).build(), 1);

        assertEquals(List.of(notice.text()), await(() -> Optional.of(smsTo(mobile)).filter(l -> !l.isEmpty()), "the SMS"));
        awaitEmpty();
        assertEquals(1, smsTo(mobile).size());
    }

    // ---- helpers

    private static void send(Notice notice) {
        sqs.sendMessage(s -> s.queueUrl(queueUrl).messageBody(NoticeMessages.body(notice)));
    }

    private static String mobile() {
        return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The enterprise's notice of a personal signature, as personal-sign hands it over before its write. */
    private static Notice awaitingEnterprise(Application draft, String mobile) {
        return new Notice("personally-signed:" + draft.applicationNo(), mobile, "【安管人员考核发证】等待贵单位确认并签章。",
                draft.applicationNo(), Notice.Requires.PERSONALLY_SIGNED, Instant.now());
    }

    /** A draft of its own number, written straight into the runner's table. */
    private static Application draft() {
        String no = "W20261127" + (80_000 + ThreadLocalRandom.current().nextInt(20_000));
        Instant created = Instant.now();
        Application draft = Application.builder().applicationNo(no).type(ApplicationType.FIRST_ISSUE).status(ApplicationStatus.DRAFT)
                .applicant(new Applicant("王晓丽", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, "11010519491231002X", "13912345678"))
                .enterprise(new ApplicationEnterprise("91310000MA1FL4CT2Q", "上海浦江建设工程有限公司", null))
                .category(Category.C3).createdAt(created).updatedAt(created).version(1).build();
        new DynamoApplicationRepository(table).insert(draft);
        return draft;
    }

    /** The texts {@code GET /dev/sms} shows for the mobile, newest first. */
    private static List<String> smsTo(String mobile) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/dev/sms?mobile=" + mobile)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            List<String> texts = new ArrayList<>();
            for (JsonNode item : JSON.readTree(response.body()).get("items")) {
                texts.add(item.get("text").asText());
            }
            return texts;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitEmpty() throws InterruptedException {
        await(() -> {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(g -> g.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes();
            return attributes.values().stream().allMatch("0"::equals) ? Optional.of(true) : Optional.<Boolean>empty();
        }, "the notification queue empty");
    }

    private static <T> T await(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
    }
}
