package anguan.enterprisesign;

import static anguan.aws.testing.HandlerResponses.assertProblem;
import static anguan.aws.testing.HandlerResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.json.Json;
import anguan.domain.application.ApplicationChanges;
import anguan.domain.application.ApplicationDocuments;
import anguan.domain.application.ApplicationService;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.NewApplication;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.registry.Feeds;
import anguan.domain.registry.RegistryService;
import anguan.domain.signing.EnterpriseSigningService;
import anguan.domain.signing.PersonalSigningService;
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.TestClock;
import anguan.domain.testing.TextForms;
import anguan.domain.testing.TextSignatures;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;

/** The enterprise-sign function driven by the sample events in events/enterprise-sign. */
class EnterpriseSignHandlerTest {
    private static final String ID_NO = "11010519491231002X";
    private static final String USCC = "91310000MA1FL4CT2Q";
    private static final String OTHER_USCC = "91350100M000100Y43";
    private static final String NO = "W2026112700001";
    private static final String PASSWORD = "Pw-123456";
    private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));
    private final InMemoryRegistry store = new InMemoryRegistry(clock);
    private final TextSignatures signatures = new TextSignatures();
    private final EnterpriseSignHandler handler = new EnterpriseSignHandler(new EnterpriseSigningService(store.applicationRepository(),
            store.enterpriseRepository(), store, store.signingLockRepository(), store.signingSessionRepository(), signatures,
            signatures, store, store.noticeQueue(), new Random(11), clock),
            new ApplicationDocuments(store.applicationRepository(), store), clock);

    /** W2026112700001, a 考核发证 of 王晓丽 that she has signed: it waits for 上海浦江建设工程有限公司. */
    @BeforeEach
    void personallySigned() {
        RegistryService registry = new RegistryService(store, store.enterpriseRepository(), store.certificateRepository(), store, clock);
        registry.upsertEnterprise(USCC, new Feeds.EnterpriseFeed("上海浦江建设工程有限公司", "13700001111", PASSWORD));
        registry.upsertPerson(ID_NO, new Feeds.PersonFeed("王晓丽", "F", "1949-12-31", "ID_CARD", "13912345678",
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", null));
        registry.upsertEmployment(ID_NO, USCC, new Feeds.EmploymentFeed("2022-03-01", null));
        registry.recordExam(new Feeds.ExamFeed(ID_NO, "INITIAL", "C3", "2026-10-20", true));
        ApplicationService applications = new ApplicationService(store.applicationRepository(), store.claimRepository(), store,
                store.enterpriseRepository(), store.certificateRepository(), store, new TextForms(), store, clock);
        applications.create(ID_NO, new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, null));
        applications.save(ID_NO, NO, new ApplicationChanges("021-64881234", true, null, null, null, null, 1L));
        applications.submit(ID_NO, NO, null);
        PersonalSigningService person = new PersonalSigningService(store.applicationRepository(), store, store.enterpriseRepository(),
                store.smsChallengeRepository(), store.smsQuota(), signatures, store, store.noticeQueue(),
                "test sms secret".getBytes(StandardCharsets.UTF_8), new Random(7), clock);
        person.requestCode(ID_NO, NO);
        Matcher code = CODE.matcher(store.notices().getFirst().text());
        assertTrue(code.find());
        person.sign(ID_NO, NO, code.group(1));
        clock.advance(Duration.ofHours(1));
    }



    private static APIGatewayV2HTTPEvent as(APIGatewayV2HTTPEvent event, String uscc) {
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("role", "enterprise", "uscc", uscc));
        return event;
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/list-awaiting.json", type = APIGatewayV2HTTPEvent.class)
    void byDefaultTheEnterpriseSeesWhatWaitsForItsSignatureMasked(APIGatewayV2HTTPEvent event) throws Exception {
        JsonNode page = json(handler.handle(event));

        assertEquals(1, page.get("total").asInt());
        JsonNode a = page.get("items").get(0);
        assertEquals(NO, a.get("applicationNo").asText());
        assertEquals("AWAITING_ENTERPRISE", a.get("status").asText());
        assertEquals("11**************2X", a.get("applicant").get("idNo").asText());
        assertEquals("139******78", a.get("applicant").get("mobile").asText());
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/list-awaiting.json", type = APIGatewayV2HTTPEvent.class)
    void anotherEnterpriseSeesNone(APIGatewayV2HTTPEvent event) throws Exception {
        assertEquals(0, json(handler.handle(as(event, OTHER_USCC))).get("total").asInt());
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/list-all-by-name.json", type = APIGatewayV2HTTPEvent.class)
    void statusAllShowsEveryStatusAfterTheSignature(APIGatewayV2HTTPEvent event) throws Exception {
        handler.handle(Events.load("sign-with-password"));

        JsonNode page = json(handler.handle(event));
        JsonNode awaiting = json(handler.handle(Events.load("list-awaiting")));

        assertEquals(1, page.get("total").asInt(), page.toString());
        assertEquals("UNDER_REVIEW", page.get("items").get(0).get("status").asText());
        assertEquals(0, awaiting.get("total").asInt());
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/list-bad-date.json", type = APIGatewayV2HTTPEvent.class)
    void aDateThatIsNoDateIsABadRequest(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertProblem(response, 400, null);
        assertTrue(json(response).get("detail").asText().contains("yyyy-MM-dd"), response.getBody());
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/list-awaiting.json", type = APIGatewayV2HTTPEvent.class)
    void anUnknownStatusIsABadRequestThatListsAll(APIGatewayV2HTTPEvent event) throws Exception {
        event.setQueryStringParameters(Map.of("status", "SIGNED"));

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertProblem(response, 400, null);
        assertTrue(json(response).get("detail").asText().contains("AWAITING_ENTERPRISE、UNDER_REVIEW"), response.getBody());
        assertTrue(json(response).get("detail").asText().endsWith("、ALL）"), response.getBody());
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/get-application.json", type = APIGatewayV2HTTPEvent.class)
    void theDetailsAreTheApplicationAndToAnotherEnterpriseItDoesNotExist(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse mine = handler.handle(event);
        APIGatewayV2HTTPResponse theirs = handler.handle(as(Events.load("get-application"), OTHER_USCC));

        assertEquals(200, mine.getStatusCode(), mine.getBody());
        assertEquals("2026-11-27T10:00:00+08:00", json(mine).get("signature").get("signedAt").asText());
        assertProblem(theirs, 404, null);
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/get-events.json", type = APIGatewayV2HTTPEvent.class)
    void theTrailShowsThePersonsStepsWithTheirNamesAndTheActorMasked(APIGatewayV2HTTPEvent event) throws Exception {
        JsonNode items = json(handler.handle(event)).get("items");

        assertEquals("CREATED", items.get(0).get("action").asText());
        JsonNode signed = items.get(items.size() - 1);
        assertEquals("PERSONAL_SIGNED", signed.get("action").asText());
        assertEquals("个人签名", signed.get("actionName").asText());
        assertEquals("11**************2X", signed.get("actor").asText());
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/sign-with-password.json", type = APIGatewayV2HTTPEvent.class)
    void theRightPasswordSignsAcceptsAndTellsThePerson(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode a = json(response);
        assertEquals("UNDER_REVIEW", a.get("status").asText());
        assertEquals("评审中", a.get("statusName").asText());
        assertEquals("2026-11-27T11:00:00+08:00", a.get("enterpriseSignature").get("signedAt").asText());
        assertTrue(a.get("enterpriseSignature").get("fileName").asText().matches("考核发证申请表_\\d{14}_sign\\.pdf"), a.toString());
        assertTrue(store.notices().stream().anyMatch(n -> n.id().equals("enterprise-signed:" + NO) && n.mobile().equals("13912345678")));
        assertFalse(response.getBody().contains(PASSWORD));
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/sign-with-password.json", type = APIGatewayV2HTTPEvent.class)
    void aWrongPasswordSaysHowManyTriesAreLeftAndIsNeverEchoed(APIGatewayV2HTTPEvent event) throws Exception {
        event.setBody("{\"consent\":true,\"signingPassword\":\"Wrong-9876\"}");

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertProblem(response, 422, "SIGNING_PASSWORD_INVALID");
        assertEquals(4, json(response).get("attemptsLeft").asInt());
        assertFalse(response.getBody().contains("Wrong-9876"));
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/sign-with-password.json", type = APIGatewayV2HTTPEvent.class)
    void aPasswordOfTheWrongTypeIsABadRequestThatDoesNotEchoIt(APIGatewayV2HTTPEvent event) throws Exception {
        event.setBody("{\"consent\":true,\"signingPassword\":{\"secret\":\"Pw-123456\"}}");

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertProblem(response, 400, null);
        assertFalse(response.getBody().contains(PASSWORD));
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/sign-with-password.json", type = APIGatewayV2HTTPEvent.class)
    void anotherEnterpriseCannotSign(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(as(event, OTHER_USCC));

        assertProblem(response, 404, null);
        assertEquals("AWAITING_ENTERPRISE", json(handler.handle(Events.load("get-application"))).get("status").asText());
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/prepare.json", type = APIGatewayV2HTTPEvent.class)
    void aTokenSignsThePreparedDigestAndTheCompletedSignatureAccepts(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse prepared = handler.handle(event);
        assertEquals(200, prepared.getStatusCode(), prepared.getBody());
        JsonNode session = json(prepared);
        assertEquals("SHA-256", session.get("digestAlgorithm").asText());
        assertEquals(32, Base64.getDecoder().decode(session.get("digest").asText()).length);
        assertEquals("2026-11-27T11:10:00+08:00", session.get("expiresAt").asText());

        APIGatewayV2HTTPEvent complete = Events.load("complete");
        complete.setBody(Json.MAPPER.writeValueAsString(Map.of("signingId", session.get("signingId").asText(), "cms",
                Base64.getEncoder().encodeToString(TextSignatures.cmsFor(Base64.getDecoder().decode(session.get("digest").asText()))
                        .getBytes(StandardCharsets.UTF_8)))));
        APIGatewayV2HTTPResponse completed = handler.handle(complete);

        assertEquals(200, completed.getStatusCode(), completed.getBody());
        assertEquals("UNDER_REVIEW", json(completed).get("status").asText());
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/complete.json", type = APIGatewayV2HTTPEvent.class)
    void aCompleteWithoutAPreparedSessionIsRefusedWithItsCode(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertProblem(response, 422, "SIGNING_SESSION_NOT_FOUND");
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/prepare.json", type = APIGatewayV2HTTPEvent.class)
    void aCertificateWithACharacterOutsideBase64IsABadRequest(APIGatewayV2HTTPEvent event) throws Exception {
        event.setBody("{\"consent\":true,\"certificate\":\"MIIB!x==\"}");

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertProblem(response, 400, null);
        assertTrue(json(response).get("detail").asText().contains("certificate"), response.getBody());
    }

    @ParameterizedTest
    @Event(value = "../../events/enterprise-sign/get-form.json", type = APIGatewayV2HTTPEvent.class)
    void theEnterpriseDownloadsTheSignedFormOnceItSigned(APIGatewayV2HTTPEvent event) throws Exception {
        event.getPathParameters().put("kind", "signed-form");
        APIGatewayV2HTTPResponse before = handler.handle(event);
        handler.handle(Events.load("sign-with-password"));

        APIGatewayV2HTTPResponse after = handler.handle(event);

        assertProblem(before, 404, null);
        assertEquals(200, after.getStatusCode(), after.getBody());
        assertTrue(json(after).get("fileName").asText().endsWith("_sign.pdf"));
    }

    /** The sample events loaded by hand, for tests that need more than one. */
    private static final class Events {
        static APIGatewayV2HTTPEvent load(String name) throws Exception {
            return Json.MAPPER.readValue(java.nio.file.Path.of("../../events/enterprise-sign/" + name + ".json").toFile(),
                    APIGatewayV2HTTPEvent.class);
        }
    }
}
