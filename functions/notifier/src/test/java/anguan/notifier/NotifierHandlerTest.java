package anguan.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.testing.LogLines;
import anguan.domain.application.Applicant;
import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEnterprise;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.certificate.Category;
import anguan.domain.notification.DeliveredNotices;
import anguan.domain.notification.NotificationService;
import anguan.domain.notification.SmsGateway;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.testing.InMemoryRegistry;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;

/** The notifier driven by the sample SQS events in events/notifier (the same files `sam local invoke -e` takes). */
class NotifierHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T02:30:00Z"), ZoneOffset.UTC);

    private final InMemoryRegistry store = new InMemoryRegistry(CLOCK);
    private final Map<String, Instant> delivered = new ConcurrentHashMap<>();
    private final List<String> sent = new ArrayList<>();
    private SmsGateway sms = (mobile, text) -> sent.add(mobile + " " + text);
    private final NotifierHandler handler = new NotifierHandler(new NotificationService(new DeliveredNotices() {
        @Override
        public boolean isDelivered(String noticeId) {
            return delivered.containsKey(noticeId);
        }

        @Override
        public void markDelivered(String noticeId, Instant at) {
            delivered.put(noticeId, at);
        }
    }, (mobile, text) -> sms.send(mobile, text), store.applicationRepository(), CLOCK));

    @ParameterizedTest
    @Event(value = "../../events/notifier/sms-code.json", type = SQSEvent.class)
    void anSmsCodeIsSentOnceAndItsRedeliverySendsNothing(SQSEvent event) {
        assertEquals(List.of(), failed(handler.handleRequest(event, null)));
        assertEquals(List.of(), failed(handler.handleRequest(event, null)), "a redelivery is done with, not retried");

        assertEquals(1, sent.size(), sent.toString());
        assertTrue(sent.getFirst().startsWith("13912345678 【安管人员考核发证】您正在签署《考核发证申请表_20261127100000.pdf》，验证码482915"));
        assertEquals(CLOCK.instant(), delivered.get("sms-code:W2026112700001:00112233445566778899aabbccddeeff"));
    }

    @ParameterizedTest
    @Event(value = "../../events/notifier/mixed-batch.json", type = SQSEvent.class)
    void aNoticeNotYetDueAndAnUndecodableMessageComeBackWhileTheRestOfTheBatchIsSent(SQSEvent event) {
        store.applicationRepository().insert(application("W2026112700002", ApplicationStatus.DRAFT, null));
        store.applicationRepository().insert(application("W2026112700003", ApplicationStatus.UNDER_REVIEW, Instant.parse("2026-11-27T02:10:00Z")));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertEquals(List.of("5b0f0a52-7f3e-4c0e-8d2b-11a1c7e0b001", "5b0f0a52-7f3e-4c0e-8d2b-11a1c7e0b002"), failed(response));
        assertEquals(List.of("13912345679"), sent.stream().map(s -> s.substring(0, 11)).toList());
        assertEquals(Set.of("enterprise-signed:W2026112700003"), delivered.keySet());
    }

    @ParameterizedTest
    @Event(value = "../../events/notifier/mixed-batch.json", type = SQSEvent.class)
    void aNoticeOfAnApplicationThatIsGoneIsDroppedUnsentAndNotRetried(SQSEvent event) {
        SQSBatchResponse response = handler.handleRequest(event, null);

        assertEquals(List.of("5b0f0a52-7f3e-4c0e-8d2b-11a1c7e0b002"), failed(response), "only the undecodable one comes again");
        assertEquals(List.of(), sent);
        assertTrue(delivered.isEmpty());
    }

    @ParameterizedTest
    @Event(value = "../../events/notifier/sms-code.json", type = SQSEvent.class)
    void anSmsThatSnsRefusedIsRetriedAndSentByTheRedelivery(SQSEvent event) {
        SmsGateway working = sms;
        sms = (mobile, text) -> {
            throw new IllegalStateException("SNS did not send the SMS: 500 InternalError");
        };
        assertEquals(List.of("0d7b1a3e-5d1c-4c55-9a8e-2f8d6b6c1a01"), failed(handler.handleRequest(event, null)));
        assertTrue(delivered.isEmpty(), "not marked: the redelivery must send it");

        sms = working;
        assertEquals(List.of(), failed(handler.handleRequest(event, null)));
        assertEquals(1, sent.size());
    }

    @ParameterizedTest
    @Event(value = "../../events/notifier/mixed-batch.json", type = SQSEvent.class)
    void eachRecordLogsOneLineWithoutMobileTextOrNoticeId(SQSEvent event) throws Exception {
        store.applicationRepository().insert(application("W2026112700003", ApplicationStatus.UNDER_REVIEW, Instant.parse("2026-11-27T02:10:00Z")));

        List<JsonNode> lines = LogLines.of(() -> handler.handleRequest(event, null));

        assertEquals(3, lines.size(), lines.toString());
        assertEquals(List.of("5b0f0a52-7f3e-4c0e-8d2b-11a1c7e0b001", "5b0f0a52-7f3e-4c0e-8d2b-11a1c7e0b002",
                "5b0f0a52-7f3e-4c0e-8d2b-11a1c7e0b003"), lines.stream().map(l -> l.get("messageId").asText()).toList());
        assertEquals(List.of("DROPPED", "UNDECODABLE", "SENT"), lines.stream().map(l -> l.get("outcome").asText()).toList());
        assertEquals("enterprise-signed", lines.get(2).get("kind").asText());
        assertEquals("W2026112700003", lines.get(2).get("applicationNo").asText());
        for (JsonNode line : lines) {
            String text = line.toString();
            for (String secret : List.of("13800000000", "13912345679", "half a notice", "签名", "受理", "personally-signed:W")) {
                assertFalse(text.contains(secret), secret + " in " + text);
            }
        }
    }

    @ParameterizedTest
    @Event(value = "../../events/notifier/sms-code.json", type = SQSEvent.class)
    void theSmsCodesLogLineHoldsNeitherTheCodeNorTheSalt(SQSEvent event) throws Exception {
        List<JsonNode> lines = LogLines.of(() -> handler.handleRequest(event, null));

        assertEquals(1, lines.size());
        assertEquals("SENT", lines.getFirst().get("outcome").asText());
        assertEquals("sms-code", lines.getFirst().get("kind").asText());
        for (String secret : List.of("482915", "00112233445566778899aabbccddeeff", "13912345678")) {
            assertFalse(lines.getFirst().toString().contains(secret), secret);
        }
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private static Application application(String no, ApplicationStatus status, Instant enterpriseSignedAt) {
        Instant created = Instant.parse("2026-11-27T01:00:00Z");
        return Application.builder().applicationNo(no).type(ApplicationType.FIRST_ISSUE).status(status)
                .applicant(new Applicant("王晓丽", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, "11010519491231002X", "13912345679"))
                .enterprise(new ApplicationEnterprise("91310000MA1FL4CT2Q", "上海浦江建设工程有限公司", null))
                .category(Category.C3).createdAt(created).updatedAt(created).enterpriseSignedAt(enterpriseSignedAt)
                .personalSignedAt(enterpriseSignedAt).version(1).build();
    }
}
