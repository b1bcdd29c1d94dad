package anguan.aws.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import anguan.aws.json.Json;
import anguan.domain.application.Applicant;
import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.DocumentRef;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationViewTest {
    private static final Instant SUBMITTED = Instant.parse("2026-11-27T02:00:00Z");
    private static final Instant PERSON_SIGNED = Instant.parse("2026-11-27T02:05:00Z");
    private static final Instant ENTERPRISE_SIGNED = Instant.parse("2026-11-27T03:00:00.123Z");
    private static final DocumentRef FORM = new DocumentRef("form", "考核发证申请表_20261127100000.pdf", "applications/W2026112700001/v4/form-signed.pdf");
    private static final DocumentRef SIGNED = new DocumentRef("signed-form", "考核发证申请表_20261127100000_sign.pdf", "applications/W2026112700001/v5/signed-form.pdf");
    private static final DocumentRef NOTICE = new DocumentRef("acceptance-notice", "行政审批受理通知书_W2026112700001.pdf", "applications/W2026112700001/v5/acceptance-notice.pdf");

    private static Application.Builder submitted() {
        return Application.builder().applicationNo("W2026112700001").type(ApplicationType.FIRST_ISSUE)
                .applicant(new Applicant("王晓丽", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, "11010519491231002X", "13912345678"))
                .createdAt(SUBMITTED).updatedAt(SUBMITTED).submittedAt(SUBMITTED).documents(List.of(FORM)).version(3);
    }

    private static JsonNode json(Application a) throws Exception {
        return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(ApplicationView.of(a, LocalDate.of(2026, 11, 27))));
    }

    @Test
    void beforeThePersonSignsThereIsNoSignature() throws Exception {
        JsonNode a = json(submitted().build());

        assertFalse(a.has("signature"));
        assertFalse(a.has("personalSignedAt"));
        assertEquals("form", a.get("documents").get(0).get("kind").asText());
    }

    @Test
    void thePersonsSignatureNamesTheForm() throws Exception {
        JsonNode a = json(submitted().status(ApplicationStatus.AWAITING_ENTERPRISE).personalSignedAt(PERSON_SIGNED).version(4).build());

        assertEquals("2026-11-27T10:05:00+08:00", a.get("personalSignedAt").asText());
        assertEquals("2026-11-27T10:05:00+08:00", a.get("signature").get("signedAt").asText());
        assertEquals(FORM.fileName(), a.get("signature").get("fileName").asText());
        assertFalse(a.has("enterpriseSignature"));
    }

    @Test
    void theEnterprisesSignatureNamesTheSignFileAndEveryDocumentIsListedWithoutItsKey() throws Exception {
        JsonNode a = json(submitted().status(ApplicationStatus.UNDER_REVIEW).personalSignedAt(PERSON_SIGNED)
                .enterpriseSignedAt(ENTERPRISE_SIGNED).documents(List.of(FORM, SIGNED, NOTICE)).version(5).build());

        assertEquals("2026-11-27T11:00:00+08:00", a.get("enterpriseSignedAt").asText());
        assertEquals("2026-11-27T11:00:00+08:00", a.get("enterpriseSignature").get("signedAt").asText());
        assertEquals(SIGNED.fileName(), a.get("enterpriseSignature").get("fileName").asText());
        assertEquals(FORM.fileName(), a.get("signature").get("fileName").asText());
        assertEquals(3, a.get("documents").size());
        assertEquals("acceptance-notice", a.get("documents").get(2).get("kind").asText());
        assertNull(a.get("documents").get(2).get("key"));
        assertFalse(a.toString().contains("applications/"), a.toString());
    }

    @Test
    void theApplicantStaysMasked() throws Exception {
        JsonNode a = json(submitted().build());

        assertEquals("11**************2X", a.get("applicant").get("idNo").asText());
        assertEquals("139******78", a.get("applicant").get("mobile").asText());
    }

    @Test
    void anEventShowsThePersonMaskedAndTheEnterpriseAsItIs() {
        EventView person = EventView.of(new ApplicationEvent("W2026112700001", PERSON_SIGNED, "person", "11010519491231002X",
                ApplicationEvent.Action.PERSONAL_SIGNED));
        EventView enterprise = EventView.of(new ApplicationEvent("W2026112700001", ENTERPRISE_SIGNED, "enterprise",
                "91310000MA1FL4CT2Q", ApplicationEvent.Action.SIGNING_PASSWORD_WRONG));

        assertEquals("11**************2X", person.actor());
        assertEquals("个人签名", person.actionName());
        assertEquals("91310000MA1FL4CT2Q", enterprise.actor());
        assertEquals("SIGNING_PASSWORD_WRONG", enterprise.action());
        assertEquals("签章密码错误", enterprise.actionName());
    }
}
