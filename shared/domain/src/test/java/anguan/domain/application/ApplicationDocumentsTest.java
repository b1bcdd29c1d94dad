package anguan.domain.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.common.DomainProblem;
import anguan.domain.testing.InMemoryRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationDocumentsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final DocumentRef FORM = new DocumentRef("form", "考核发证申请表_20261127100000.pdf",
            "applications/W2026112700001/v4/form-signed.pdf");
    private static final DocumentRef SIGNED = new DocumentRef("signed-form", "考核发证申请表_20261127100000_sign.pdf",
            "applications/W2026112700001/v5/signed-form.pdf");

    private static Application withDocuments(List<DocumentRef> documents, String photoKey) {
        return Application.builder().applicationNo("W2026112700001").type(ApplicationType.FIRST_ISSUE)
                .documents(documents).photoKey(photoKey).createdAt(NOW).version(5).build();
    }

    @Test
    void eachKindIsTheDocumentOfThatKind() {
        Application a = withDocuments(List.of(FORM, SIGNED), null);

        assertEquals(FORM, ApplicationDocuments.find(a, "form"));
        assertEquals(SIGNED, ApplicationDocuments.find(a, "signed-form"));
    }

    @Test
    void thePhotoIsTheApplicationsPhotoNamedAfterItWithItsExtension() {
        Application a = withDocuments(List.of(), "registry/photos/ab12.jpg");

        DocumentRef photo = ApplicationDocuments.find(a, "photo");

        assertEquals("registry/photos/ab12.jpg", photo.key());
        assertEquals("照片_W2026112700001.jpg", photo.fileName());
    }

    @Test
    void aDocumentNotThereYetIsNotFoundAndSaysWhenItWillBe() {
        Application a = withDocuments(List.of(FORM), null);

        DomainProblem notice = assertThrows(DomainProblem.class, () -> ApplicationDocuments.find(a, "acceptance-notice"));
        DomainProblem photo = assertThrows(DomainProblem.class, () -> ApplicationDocuments.find(a, "photo"));

        assertEquals(DomainProblem.Kind.NOT_FOUND, notice.kind());
        assertEquals("申请W2026112700001暂无受理通知书（企业签章后生成）", notice.getMessage());
        assertEquals(DomainProblem.Kind.NOT_FOUND, photo.kind());
    }

    @Test
    void anUnknownKindIsNotFoundAndListsTheKindsThereAre() {
        Application a = withDocuments(List.of(FORM), null);

        DomainProblem p = assertThrows(DomainProblem.class, () -> ApplicationDocuments.find(a, "ofd"));

        assertEquals(DomainProblem.Kind.NOT_FOUND, p.kind());
        assertTrue(p.getMessage().contains("form、signed-form、acceptance-notice、photo"), p.getMessage());
    }

    @Test
    void anUnknownKindShapedLikeAnIdNumberIsEchoedMasked() {
        DomainProblem p = assertThrows(DomainProblem.class,
                () -> ApplicationDocuments.find(withDocuments(List.of(), null), "11010519491231002X"));

        assertTrue(p.getMessage().contains("11**************2X"), p.getMessage());
    }

    @Test
    void aLinkLastsFiveMinutesAndCarriesTheFileName() {
        InMemoryRegistry store = new InMemoryRegistry(Clock.fixed(NOW, ZoneOffset.UTC));

        ApplicationDocuments.Download d = ApplicationDocuments.link(store, withDocuments(List.of(FORM, SIGNED), null), "signed-form");

        assertEquals("考核发证申请表_20261127100000_sign.pdf", d.fileName());
        assertEquals("memory://" + SIGNED.key(), d.url());
        assertEquals(NOW.plusSeconds(300), d.expiresAt());
    }

    @Test
    void onlyTheApplicantAndTheEnterpriseItIsFiledWithGetALink() {
        InMemoryRegistry store = new InMemoryRegistry(Clock.fixed(NOW, ZoneOffset.UTC));
        Application signed = withDocuments(List.of(FORM), null).toBuilder().status(ApplicationStatus.AWAITING_ENTERPRISE)
                .applicant(new Applicant("王晓丽", null, null, null, "11010519491231002X", null))
                .enterprise(new ApplicationEnterprise("91310000MA1FL4CT2Q", "上海浦江建设工程有限公司", null)).build();
        store.applicationRepository().insert(signed);
        ApplicationDocuments downloads = new ApplicationDocuments(store.applicationRepository(), store);

        assertEquals(FORM.fileName(), downloads.forApplicant("11010519491231002X", "W2026112700001", "form").fileName());
        assertEquals(FORM.fileName(), downloads.forEnterprise("91310000MA1FL4CT2Q", "W2026112700001", "form").fileName());
        assertEquals(DomainProblem.Kind.NOT_FOUND, assertThrows(DomainProblem.class,
                () -> downloads.forApplicant("110105194912310029", "W2026112700001", "form")).kind());
        assertEquals(DomainProblem.Kind.NOT_FOUND, assertThrows(DomainProblem.class,
                () -> downloads.forEnterprise("91350100M000100Y43", "W2026112700001", "form")).kind());
    }
}
