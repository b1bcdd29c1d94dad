package anguan.personalsign;

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
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The personal-sign function driven by the sample events in events/personal-sign. */
class PersonalSignHandlerTest {
    private static final String ID_NO = "11010519491231002X";
    private static final String USCC = "91310000MA1FL4CT2Q";
    private static final String NO = "W2026112700001";
    private static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));
    private final InMemoryRegistry store = new InMemoryRegistry(clock);
    private final PersonalSignHandler handler = new PersonalSignHandler(new PersonalSigningService(store.applicationRepository(),
            store, store.enterpriseRepository(), store.smsChallengeRepository(), store.smsQuota(), new TextSignatures(), store,
            store.noticeQueue(), "test sms secret".getBytes(StandardCharsets.UTF_8), new Random(7), clock),
            new ApplicationDocuments(store.applicationRepository(), store), clock);

    /** W2026112700001, a submitted 考核发证 of 王晓丽 at 上海浦江建设工程有限公司 (which has a contact mobile). */
    @BeforeEach
    void submitted() {
        RegistryService registry = new RegistryService(store, store.enterpriseRepository(), store.certificateRepository(), store, clock);
        registry.upsertEnterprise(USCC, new Feeds.EnterpriseFeed("上海浦江建设工程有限公司", "13700001111", null));
        registry.upsertPerson(ID_NO, new Feeds.PersonFeed("王晓丽", "F", "1949-12-31", "ID_CARD", "13912345678", PNG, null));
        registry.upsertEmployment(ID_NO, USCC, new Feeds.EmploymentFeed("2022-03-01", null));
        registry.recordExam(new Feeds.ExamFeed(ID_NO, "INITIAL", "C3", "2026-10-20", true));
        ApplicationService applications = new ApplicationService(store.applicationRepository(), store.claimRepository(), store,
                store.enterpriseRepository(), store.certificateRepository(), store, new TextForms(), store, clock);
        applications.create(ID_NO, new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, null));
        applications.save(ID_NO, NO, new ApplicationChanges("021-64881234", true, null, null, null, null, 1L));
        applications.submit(ID_NO, NO, null);
    }



    /** The code of the newest SMS to the person, as the notifier would send it. */
    private String sentCode() {
        String text = store.notices().stream().filter(n -> n.id().startsWith("sms-code:")).reduce((a, b) -> b).orElseThrow().text();
        Matcher m = CODE.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    private static APIGatewayV2HTTPEvent withCode(APIGatewayV2HTTPEvent event, String code) {
        event.setBody("{\"smsCode\":\"" + code + "\"}");
        return event;
    }

    @ParameterizedTest
    @Event(value = "../../events/personal-sign/request-sms-code.json", type = APIGatewayV2HTTPEvent.class)
    void aCodeGoesToTheRegistryMobileAndTheAnswerShowsItMaskedWithItsTimes(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(202, response.getStatusCode(), response.getBody());
        JsonNode sent = json(response);
        assertEquals("139******78", sent.get("mobileMasked").asText());
        assertEquals(1800, sent.get("expiresInSeconds").asLong());
        assertEquals(90, sent.get("resendAfterSeconds").asLong());
        assertTrue(sent.get("fileName").asText().matches("考核发证申请表_\\d{14}\\.pdf"), sent.toString());
        assertFalse(response.getBody().contains(sentCode()), "the code is in the SMS only");
    }

    @ParameterizedTest
    @Event(value = "../../events/personal-sign/request-sms-code.json", type = APIGatewayV2HTTPEvent.class)
    void anotherCodeWithinNinetySecondsIsTooEarlyAndSaysHowLongToWait(APIGatewayV2HTTPEvent event) throws Exception {
        handler.handle(event);
        clock.advance(Duration.ofSeconds(30));

        APIGatewayV2HTTPResponse again = handler.handle(event);

        assertProblem(again, 429, "TOO_MANY_REQUESTS");
        assertEquals(60, json(again).get("retryAfterSeconds").asLong());
        assertEquals("60", again.getHeaders().get("retry-after"));
    }

    @ParameterizedTest
    @Event(value = "../../events/personal-sign/sign.json", type = APIGatewayV2HTTPEvent.class)
    void theRightCodeSignsAndTheApplicationWaitsForTheEnterpriseWhichIsTold(APIGatewayV2HTTPEvent event) throws Exception {
        handler.handle(Events.requestCode());
        clock.advance(Duration.ofMinutes(2));

        APIGatewayV2HTTPResponse response = handler.handle(withCode(event, sentCode()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode a = json(response);
        assertEquals("AWAITING_ENTERPRISE", a.get("status").asText());
        assertEquals("待企业上报", a.get("statusName").asText());
        assertEquals("2026-11-27T10:02:00+08:00", a.get("signature").get("signedAt").asText());
        assertEquals(a.get("form").get("fileName").asText(), a.get("signature").get("fileName").asText());
        assertEquals("11**************2X", a.get("applicant").get("idNo").asText());
        assertTrue(store.notices().stream().anyMatch(n -> n.id().equals("personally-signed:" + NO) && n.mobile().equals("13700001111")));
    }

    @ParameterizedTest
    @Event(value = "../../events/personal-sign/sign.json", type = APIGatewayV2HTTPEvent.class)
    void aWrongCodeSaysHowManyTriesAreLeftAndNeverEchoesTheCode(APIGatewayV2HTTPEvent event) throws Exception {
        handler.handle(Events.requestCode());
        String wrong = sentCode().equals("000000") ? "111111" : "000000";

        APIGatewayV2HTTPResponse response = handler.handle(withCode(event, wrong));

        assertProblem(response, 422, "SMS_CODE_INVALID");
        assertEquals(4, json(response).get("attemptsLeft").asInt());
        assertFalse(response.getBody().contains(wrong));
    }

    @ParameterizedTest
    @Event(value = "../../events/personal-sign/sign-without-code.json", type = APIGatewayV2HTTPEvent.class)
    void aSignatureWithoutACodeIsABadRequestAndCostsNoTry(APIGatewayV2HTTPEvent event) throws Exception {
        handler.handle(Events.requestCode());

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertProblem(response, 400, "BAD_REQUEST");
        assertEquals(5, store.smsChallengeRepository().current(NO).orElseThrow().value().attemptsLeft());
    }

    @ParameterizedTest
    @Event(value = "../../events/personal-sign/get-form.json", type = APIGatewayV2HTTPEvent.class)
    void theApplicantDownloadsTheFormThroughAShortLivedLink(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode d = json(response);
        assertTrue(d.get("fileName").asText().matches("考核发证申请表_\\d{14}\\.pdf"), d.toString());
        assertTrue(d.get("url").asText().startsWith("memory://applications/" + NO + "/"), d.toString());
        assertEquals("2026-11-27T10:05:00+08:00", d.get("expiresAt").asText());
    }

    @ParameterizedTest
    @Event(value = "../../events/personal-sign/get-form-as-other-person.json", type = APIGatewayV2HTTPEvent.class)
    void toAnotherPersonTheApplicationsFilesDoNotExist(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertProblem(response, 404, "NOT_FOUND");
    }

    @ParameterizedTest
    @Event(value = "../../events/personal-sign/get-form.json", type = APIGatewayV2HTTPEvent.class)
    void theAcceptanceNoticeIsNotThereBeforeTheEnterpriseSigns(APIGatewayV2HTTPEvent event) throws Exception {
        event.getPathParameters().put("kind", "acceptance-notice");

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertProblem(response, 404, null);
        assertTrue(json(response).get("detail").asText().contains("受理通知书"), response.getBody());
    }

    @Test
    void anEnterpriseCannotAskForThePersonsCode() throws Exception {
        APIGatewayV2HTTPEvent event = Events.requestCode();
        event.getRequestContext().getAuthorizer().getJwt().setClaims(java.util.Map.of("role", "enterprise", "uscc", USCC));

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertProblem(response, 403, "FORBIDDEN");
        assertTrue(store.notices().isEmpty());
    }

    /** The sample events loaded by hand, for tests that need more than one. */
    private static final class Events {
        static APIGatewayV2HTTPEvent requestCode() throws Exception {
            return Json.MAPPER.readValue(java.nio.file.Path.of("../../events/personal-sign/request-sms-code.json").toFile(),
                    APIGatewayV2HTTPEvent.class);
        }
    }
}
