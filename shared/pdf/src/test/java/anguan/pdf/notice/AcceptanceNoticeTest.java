package anguan.pdf.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationType;
import anguan.domain.signing.AcceptanceNoticeRenderer.RenderedNotice;
import anguan.pdf.Poppler;
import anguan.pdf.ca.Credential;
import anguan.pdf.ca.PlatformCa;
import anguan.pdf.form.SampleApplications;
import anguan.pdf.signing.SignatureVerifier;
import anguan.pdf.signing.VerifiedSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class AcceptanceNoticeTest {
    /** 2026-12-01 00:30 in Shanghai: still 30 November in UTC, so the date shown must be Shanghai's. */
    private static final Instant ACCEPTED = Instant.parse("2026-11-30T16:30:00Z");
    private static final PlatformCa CA = PlatformCa.create("安管平台测试CA", ACCEPTED.minus(Duration.ofDays(365)));
    private static final Credential AUTHORITY = CA.issueEnterprise(AcceptanceNotice.AUTHORITY, "11310000002421165W", ACCEPTED);
    private static final Application RENEWAL = SampleApplications.of(ApplicationType.RENEWAL);

    private final RenderedNotice notice = new AcceptanceNotice(AUTHORITY, CA).render(RENEWAL, ACCEPTED);

    @Test
    void theNoticeIsNamedAfterTheApplication() {
        assertEquals("行政审批受理通知书_" + RENEWAL.applicationNo() + ".pdf", notice.fileName());
    }

    @Test
    void theNoticeCarriesEveryRequiredTextAsRealText() throws Exception {
        String text = Poppler.run(notice.pdf(), 0, "pdftotext", "-enc", "UTF-8").replaceAll("\\s+", "");

        for (String expected : List.of("行政审批受理通知书", RENEWAL.applicationNo(), SampleApplications.NAME, SampleApplications.ID_NO,
                SampleApplications.ENTERPRISE, SampleApplications.USCC, "申请事项", "安管人员证书延期", "受理日期", "2026年12月1日",
                "自受理之日起20个工作日内作出决定", "登录上海市安管人员考核发证管理信息系统，在“申请事项查询”中查看办理进度",
                "上海市住房和城乡建设管理委员会")) {
            assertTrue(text.contains(expected), expected + " missing from:\n" + text);
        }
        assertTrue(!text.contains("2026年11月30日"), "the date is Shanghai's");
    }

    @Test
    void theNoticeIsOneA4PageSignedByTheAuthorityUnderItsSeal() throws Exception {
        List<VerifiedSignature> signatures = new SignatureVerifier(CA).verify(notice.pdf());

        assertEquals(1, signatures.size());
        VerifiedSignature seal = signatures.getFirst();
        assertTrue(seal.valid(), seal.toString());
        assertTrue(seal.coversWholeFile());
        assertTrue(seal.signerSubject().contains("CN=" + AcceptanceNotice.AUTHORITY), seal.signerSubject());
        assertEquals(ACCEPTED, seal.signingTime());
        try (PDDocument document = Loader.loadPDF(notice.pdf())) {
            assertEquals(1, document.getNumberOfPages());
            assertEquals(PDRectangle.A4.toString(), document.getPage(0).getMediaBox().toString());
            var widget = document.getSignatureFields().getFirst().getWidgets().getFirst();
            assertTrue(widget.getRectangle().getWidth() > 100, "a seal about 4 cm across");
            var mark = widget.getAppearance().getNormalAppearance().getAppearanceStream();
            assertTrue(!mark.getResources().getFontNames().iterator().hasNext(), "the seal's name is cut as outlines, no font");
            assertTrue(new String(mark.getContents().readAllBytes()).split(" c\n").length > 100, "the authority's name round the rim");
        }
    }

    @Test
    void aNoticeSignedByAnotherCaDoesNotVerifyAgainstThePlatforms() throws Exception {
        PlatformCa other = PlatformCa.create("另一个CA", ACCEPTED.minus(Duration.ofDays(1)));
        Credential impostor = other.issueEnterprise(AcceptanceNotice.AUTHORITY, "11310000002421165W", ACCEPTED);
        byte[] forged = new AcceptanceNotice(impostor, other).render(RENEWAL, ACCEPTED).pdf();

        assertTrue(!new SignatureVerifier(CA).verify(forged).getFirst().valid());
    }
}
