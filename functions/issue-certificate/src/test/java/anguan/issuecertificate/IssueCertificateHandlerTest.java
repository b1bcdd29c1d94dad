package anguan.issuecertificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.testing.LogLines;
import anguan.domain.application.Applicant;
import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEnterprise;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.DecisionResult;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.Position;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.issuance.CertificateIssuanceService;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.person.Person;
import anguan.domain.testing.InMemoryRegistry;
import anguan.ofd.CertificateOfd;
import anguan.ofd.OfdContents;
import anguan.ofd.SealMaterial;
import anguan.ofd.SealVerification;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;

/** The consumer driven by the sample SQS events in events/issue-certificate, over the in-memory ports and the real OFD renderer. */
class IssueCertificateHandlerTest {
    private static final Instant DECIDED = Instant.parse("2026-11-27T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(DECIDED.plusSeconds(60), ZoneOffset.UTC);
    private static final String ID_NO = "11010519491231002X";
    private static final String MOBILE = "13912345678";
    private static final String USCC = "91310000MA1FL4CT2Q";
    private static final String ISSUER_USCC = "12310000425000000H";
    private static final String APPLIED = "W2026112000001";
    private static final String OTHER = "W2026112000002";
    private static final String FIRST_NUMBER = "沪建安C3（2026）0000001";

    private static CertificateOfd renderer;

    private final InMemoryRegistry store = new InMemoryRegistry(CLOCK);
    private final IssueCertificateHandler handler = new IssueCertificateHandler(new CertificateIssuanceService(
            store.applicationRepository(), store.claimRepository(), store.certificateRepository(), store, store.enterpriseRepository(),
            store, renderer, store, store.noticeQueue(), ISSUER_USCC, "http://127.0.0.1:3000/public/certificates/", CLOCK));

    @BeforeAll
    static void seal() {
        renderer = new CertificateOfd(SealMaterial.create(DECIDED));
    }

    IssueCertificateHandlerTest() {
        store.save(new Enterprise(USCC, "上海浦江建设工程有限公司", null, null, DECIDED));
        store.save(new Person(ID_NO, "王晓丽", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, MOBILE, null, null, DECIDED));
    }

    @ParameterizedTest
    @Event(value = "../../events/issue-certificate/order.json", type = SQSEvent.class)
    void anApprovedFirstIssueGetsItsSealedCertificateAndTheRedeliveryChangesNothing(SQSEvent event) throws Exception {
        store.applicationRepository().insert(approved(APPLIED, "上海浦江建设工程有限公司"));

        List<JsonNode> first = LogLines.of(() -> assertEquals(List.of(), failed(handler.handleRequest(event, null))));
        var once = store.snapshot();
        List<JsonNode> again = LogLines.of(() -> assertEquals(List.of(), failed(handler.handleRequest(event, null))));

        assertEquals("APPLIED", first.getFirst().get("outcome").asText());
        assertEquals("ALREADY_APPLIED", again.getFirst().get("outcome").asText(), "a redelivery is done with, not retried");
        assertEquals(List.of(), once.differences(store.snapshot()));
        Certificate issued = store.findCertificate(FIRST_NUMBER).orElseThrow();
        byte[] ofd = store.get(issued.ofdKey()).orElseThrow();
        assertTrue(SealVerification.isValid(ofd));
        List<String> texts = OfdContents.texts(ofd);
        assertTrue(texts.containsAll(List.of("王晓丽", ID_NO, FIRST_NUMBER, "上海浦江建设工程有限公司", USCC)), texts::toString);
        assertEquals(1, store.notices().size());
        assertTrue(store.notices().getFirst().text().contains(FIRST_NUMBER), store.notices().getFirst().text());
        assertEquals(List.of(ApplicationEvent.Action.CERTIFICATE_ISSUED),
                store.applicationRepository().events(APPLIED).stream().map(ApplicationEvent::action).toList());
    }

    @ParameterizedTest
    @Event(value = "../../events/issue-certificate/order.json", type = SQSEvent.class)
    void anOrderThatOvertookItsDecisionWaitsForItAndIsAppliedInTheSameDelivery(SQSEvent event) throws Exception {
        Application approved = approved(APPLIED, "上海浦江建设工程有限公司");
        Application underReview = approved.toBuilder().status(ApplicationStatus.UNDER_REVIEW).decidedAt(null).decision(null)
                .version(approved.version() - 1).build();
        store.applicationRepository().insert(underReview);
        // the reviewer's write lands a moment after the order it handed over first
        Thread decision = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.applicationRepository().update(approved, underReview.version());
        });

        List<JsonNode> lines = LogLines.of(() -> assertEquals(List.of(), failed(handler.handleRequest(event, null))));
        decision.join();

        assertEquals("APPLIED", lines.getFirst().get("outcome").asText(), "not left for the queue's 180 s visibility timeout");
        assertTrue(store.findCertificate(FIRST_NUMBER).isPresent());
    }

    @ParameterizedTest
    @Event(value = "../../events/issue-certificate/mixed-batch.json", type = SQSEvent.class)
    void anOrderNotYetDueAndAnUndecodableMessageComeBackWhileTheRestOfTheBatchIsApplied(SQSEvent event) {
        store.applicationRepository().insert(approved(OTHER, "上海浦江建设工程有限公司").toBuilder()
                .status(ApplicationStatus.UNDER_REVIEW).decidedAt(null).decision(null).build());
        store.applicationRepository().insert(approved(APPLIED, "上海浦江建设工程有限公司"));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertEquals(List.of("7c2e4b10-3a6f-4d8e-9b1a-5e0c2f7a9d11", "7c2e4b10-3a6f-4d8e-9b1a-5e0c2f7a9d12"), failed(response));
        assertTrue(store.findCertificate(FIRST_NUMBER).isPresent(), "the neighbour was applied");
        assertFalse(store.applicationRepository().find(OTHER).orElseThrow().isEffectApplied());
    }

    @ParameterizedTest
    @Event(value = "../../events/issue-certificate/mixed-batch.json", type = SQSEvent.class)
    void aRecordThatFailsComesBackAloneAndItsNeighbourIsApplied(SQSEvent event) throws Exception {
        // approved, but its enterprise has no name on the application and none in the registry: the issuance cannot finish
        store.applicationRepository().insert(approved(OTHER, null).toBuilder()
                .enterprise(new ApplicationEnterprise("91310115MA1H700004", null, null)).build());
        store.applicationRepository().insert(approved(APPLIED, "上海浦江建设工程有限公司"));

        List<JsonNode> lines = LogLines.of(() -> assertEquals(
                List.of("7c2e4b10-3a6f-4d8e-9b1a-5e0c2f7a9d11", "7c2e4b10-3a6f-4d8e-9b1a-5e0c2f7a9d12"),
                failed(handler.handleRequest(event, null))));

        assertEquals(List.of("FAILED", "UNDECODABLE", "APPLIED"), lines.stream().map(l -> l.get("outcome").asText()).toList());
        assertTrue(store.applicationRepository().find(APPLIED).orElseThrow().isEffectApplied());
    }

    @ParameterizedTest
    @Event(value = "../../events/issue-certificate/mixed-batch.json", type = SQSEvent.class)
    void eachRecordLogsOneLineWithItsOrderAndOutcomeButNoNameIdNumberOrMobile(SQSEvent event) throws Exception {
        store.applicationRepository().insert(approved(APPLIED, "上海浦江建设工程有限公司"));

        List<JsonNode> lines = LogLines.of(() -> handler.handleRequest(event, null));

        assertEquals(3, lines.size(), lines.toString());
        assertEquals(List.of("DROPPED", "UNDECODABLE", "APPLIED"), lines.stream().map(l -> l.get("outcome").asText()).toList());
        assertEquals("approved:" + APPLIED, lines.get(2).get("orderId").asText());
        assertEquals(APPLIED, lines.get(2).get("applicationNo").asText());
        assertEquals("2", lines.get(0).get("receiveCount").asText());
        for (JsonNode line : lines) {
            for (String secret : List.of(ID_NO, "王晓丽", MOBILE, "half an order", "PRIVATE KEY", "privateKey")) {
                assertFalse(line.toString().contains(secret), secret + " in " + line);
            }
        }
    }

    private static Application approved(String no, String enterpriseName) {
        Instant created = DECIDED.minusSeconds(86_400 * 3);
        return Application.builder().applicationNo(no).type(ApplicationType.FIRST_ISSUE).status(ApplicationStatus.APPROVED)
                .applicant(new Applicant("王晓丽", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, ID_NO, MOBILE))
                .enterprise(new ApplicationEnterprise(USCC, enterpriseName, "021-64881234")).category(Category.C3)
                .position(Position.P08).consent(true).createdAt(created).updatedAt(DECIDED).personalSignedAt(created)
                .enterpriseSignedAt(created).decidedAt(DECIDED).decision(new DecisionResult(DecisionResult.Outcome.APPROVE, null))
                .version(5).build();
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }
}
