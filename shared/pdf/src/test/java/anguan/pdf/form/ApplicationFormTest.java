package anguan.pdf.form;

import static anguan.pdf.form.SampleApplications.CERTIFICATE_NO;
import static anguan.pdf.form.SampleApplications.ENTERPRISE;
import static anguan.pdf.form.SampleApplications.ENTERPRISE_PHONE;
import static anguan.pdf.form.SampleApplications.ID_NO;
import static anguan.pdf.form.SampleApplications.MOBILE;
import static anguan.pdf.form.SampleApplications.NAME;
import static anguan.pdf.form.SampleApplications.OLD_ENTERPRISE;
import static anguan.pdf.form.SampleApplications.OUT_OF_PROVINCE_NO;
import static anguan.pdf.form.SampleApplications.USCC;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.Application;
import anguan.domain.application.FormRenderer.RenderedForm;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.CancelReason;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApplicationFormTest {

    /** 10:38:18 in Shanghai. */
    private static final Instant GENERATED = Instant.parse("2024-06-14T02:38:18Z");
    private static final ApplicationForm FORM = new ApplicationForm();
    private static final Map<ApplicationType, byte[]> PDFS = new EnumMap<>(ApplicationType.class);

    @BeforeAll
    static void renderEachTypeOnce() {
        byte[] photo = SampleApplications.photo();
        for (ApplicationType type : ApplicationType.values()) {
            PDFS.put(type, FORM.render(SampleApplications.of(type), photo, GENERATED).pdf());
        }
    }

    private static String joined(ApplicationType type) {
        return RenderedPdf.joined(PDFS.get(type));
    }

    @ParameterizedTest
    @EnumSource(ApplicationType.class)
    void everyFormCarriesItsTitleAndTheFullUnmaskedIdentity(ApplicationType type) {
        String text = joined(type);
        assertAll(
                () -> assertTrue(text.startsWith(type.formTitle()), "title first: " + text),
                () -> assertTrue(text.contains("姓名" + NAME), "name"),
                () -> assertTrue(text.contains("证件号码" + ID_NO), "full ID number"),
                () -> assertTrue(text.contains("手机号码" + MOBILE), "full mobile"),
                () -> assertTrue(text.contains("企业名称" + ENTERPRISE), "enterprise"),
                () -> assertTrue(text.contains("统一社会信用代码" + USCC), "USCC"),
                () -> assertTrue(text.contains("企业联系电话" + ENTERPRISE_PHONE), "enterprise phone"),
                () -> assertTrue(text.contains("证件类型居民身份证"), "ID type"),
                () -> assertTrue(text.contains("出生日期1949-12-31"), "birth date"),
                () -> assertTrue(text.contains("性别女"), "gender"),
                () -> assertFalse(text.contains("*"), "nothing masked on the document"));
    }

    @ParameterizedTest
    @EnumSource(ApplicationType.class)
    void everyFormEndsWithItsGenerationTimeInShanghai(ApplicationType type) {
        String text = RenderedPdf.text(PDFS.get(type)).strip();
        assertTrue(text.endsWith("表格生成时间：2024-06-14 10:38:18"), text);
    }

    @ParameterizedTest
    @EnumSource(ApplicationType.class)
    void theApplicantsPledgeNamesThePersonTheEnterpriseAndTheRightItem(ApplicationType type) {
        String checked = "本人已核对上述内容，对申请表内容及申报材料的真实性负责。";
        String noOther = "本人无其他类别证书（法人A证除外）在其他企业（机构），";
        String expected = switch (type) {
            case FIRST_ISSUE -> "本人" + NAME + "已按照相关法律规定，符合考试报名条件，并合法通过了安管人员初证考试，与" + ENTERPRISE
                    + "签订真实有效劳动聘用合同。" + noOther + "同意该企业申领证书。" + checked;
            case RENEWAL -> "本人" + NAME + "已按照相关法律规定，符合考试报名条件，并合法通过了安管人员继续教育考试，与" + ENTERPRISE
                    + "签订真实有效劳动聘用合同。" + noOther + "同意该企业申请证书延期。" + checked;
            case EMPLOYER_CHANGE -> "本人" + NAME + "已按照相关法律规定，与" + ENTERPRISE + "签订真实有效劳动聘用合同。"
                    + noOther + "同意该企业申请证书省内变更受聘企业。" + checked;
            case TRANSFER_IN -> "本人" + NAME + "已按照相关法律规定，与" + ENTERPRISE + "签订真实有效劳动聘用合同。"
                    + noOther + "同意该企业申请进沪换证。" + checked;
            case TRANSFER_OUT, CANCELLATION -> "本人" + NAME
                    + "已核对上述内容，对申请表内容及申报材料的真实性负责。如有虚假，愿承担由此产生的一切法律责任。";
        };
        assertTrue(joined(type).contains("申请人意见" + expected + "签字："), joined(type));
    }

    @ParameterizedTest
    @EnumSource(ApplicationType.class)
    void theEnterprisesOpinionNamesThePersonAndTheRightItem(ApplicationType type) {
        String expected = switch (type) {
            case FIRST_ISSUE, RENEWAL, EMPLOYER_CHANGE, TRANSFER_IN -> ENTERPRISE + "已按照相关法律规定，与" + NAME
                    + "签订真实有效劳动聘用合同，并确认其申报材料真实，同意该同志申报" + type.displayName() + "。";
            case TRANSFER_OUT -> "我单位聘用的" + NAME + "同志，其申报材料真实，同意该同志申报离沪变更。";
            case CANCELLATION -> "我单位聘用的" + NAME + "同志，其申报材料真实，同意该同志申报证书注销。";
        };
        assertTrue(joined(type).contains("聘用企业意见" + expected + "盖章："), joined(type));
    }

    @Test
    void theManualsCopyPasteSlipsAreNotRepeated() {
        String transferOut = joined(ApplicationType.TRANSFER_OUT);
        String employerChange = joined(ApplicationType.EMPLOYER_CHANGE);
        assertAll(
                () -> assertFalse(transferOut.contains("进沪换证"), "离沪变更 names 进沪换证"),
                () -> assertTrue(employerChange.contains("申报省内变更受聘企业。"), "省内变更 named"),
                () -> assertFalse(employerChange.contains("证书延期"), "省内变更 names 证书延期"),
                () -> assertFalse(employerChange.contains("继续教育"), "省内变更 names an exam it does not need"));
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationType.class, names = {"RENEWAL", "TRANSFER_OUT", "CANCELLATION"})
    void aFormThatActsOnOneCertificateShowsItsCurrentState(ApplicationType type) {
        String text = joined(type);
        assertTrue(text.contains("现证书状态证书编号证书类别有效期企业名称" + CERTIFICATE_NO
                + "专职安全生产管理人员（综合）2024-05-01至2027-04-30" + ENTERPRISE), text);
        assertTrue(text.contains("证书类别专职安全生产管理人员（综合）（C3证）职务专职安全生产管理人员"), text);
    }

    @Test
    void theEmployerChangeFormListsEveryCertificateThatMoves() {
        String text = joined(ApplicationType.EMPLOYER_CHANGE);
        assertTrue(text.contains("变更的证书信息证书编号证书类别有效期企业名称"
                + CERTIFICATE_NO + "专职安全生产管理人员（综合）2024-05-01至2027-04-30" + OLD_ENTERPRISE
                + "沪建安B（2023）0000456项目负责人2024-05-01至2027-04-30" + OLD_ENTERPRISE), text);
    }

    @Test
    void theTransferInFormShowsTheOriginalOutOfProvinceCertificate() {
        String text = joined(ApplicationType.TRANSFER_IN);
        assertTrue(text.contains("原证书信息证书编号证书类别有效期企业名称" + OUT_OF_PROVINCE_NO
                + "专职安全生产管理人员（机械）2023-07-06至2026-07-06山东齐鲁建工集团有限公司"), text);
        assertTrue(text.contains("职务专职安全生产管理人员"), text);
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationType.class, names = {"FIRST_ISSUE", "RENEWAL"})
    void aFormBackedByAnExamShowsIt(ApplicationType type) {
        String expected = type == ApplicationType.FIRST_ISSUE
                ? NAME + "2024-05-01企业主要负责人初证考试通过"
                : NAME + "2024-03-02专职安全生产管理人员（综合）继续教育考试通过";
        assertTrue(joined(type).contains("考试通过信息姓名考试时间考试类别考试结果" + expected), joined(type));
    }

    @Test
    void theFirstIssueFormShowsTheCategoryAndPositionPicked() {
        assertTrue(joined(ApplicationType.FIRST_ISSUE)
                .contains("证书类别企业主要负责人（A证）职务分管安全生产的副总经理（副总裁）"));
    }

    @Test
    void theCancellationFormShowsTheReasonAndAnOtherReasonsText() {
        assertTrue(joined(ApplicationType.CANCELLATION).contains("注销原因已与聘用企业解除聘用合同关系"));
        Application other = SampleApplications.of(ApplicationType.CANCELLATION).toBuilder()
                .cancelReason(CancelReason.OTHER).cancelReasonText("  调往外地工作  ").build();
        assertTrue(RenderedPdf.joined(FORM.render(other, null, GENERATED).pdf()).contains("注销原因其他：调往外地工作"));
    }

    @ParameterizedTest
    @EnumSource(ApplicationType.class)
    void theSignatureAndSealPlacesAreBlankAndLabelled(ApplicationType type) {
        byte[] pdf = PDFS.get(type);
        PDRectangle signature = FormLayout.applicantSignatureBox();
        PDRectangle seal = FormLayout.enterpriseSealBox();
        assertEquals("", RenderedPdf.textIn(pdf, signature), "nothing printed where the signature goes");
        assertEquals("", RenderedPdf.textIn(pdf, seal), "nothing printed where the seal goes");
        assertEquals("签字：", RenderedPdf.textIn(pdf, leftOf(signature)));
        assertEquals("盖章：", RenderedPdf.textIn(pdf, leftOf(seal)));
    }

    @Test
    void theSignatureAndSealPlacesLieOnThePageApartFromEachOther() {
        PDRectangle signature = FormLayout.applicantSignatureBox();
        PDRectangle seal = FormLayout.enterpriseSealBox();
        assertTrue(signature.getLowerLeftY() >= seal.getUpperRightY(), "the signature is above the seal");
        for (PDRectangle box : List.of(signature, seal)) {
            assertTrue(box.getLowerLeftX() > 0 && box.getUpperRightX() < FormLayout.PAGE.getWidth());
            assertTrue(box.getLowerLeftY() > 0 && box.getUpperRightY() < FormLayout.PAGE.getHeight());
        }
        assertEquals(0, FormLayout.signaturePage());
    }

    private static PDRectangle leftOf(PDRectangle box) {
        return new PDRectangle(box.getLowerLeftX() - 40f, box.getLowerLeftY(), 40f, box.getHeight());
    }

    @ParameterizedTest
    @EnumSource(ApplicationType.class)
    void everyFormIsOneA4PageInAnEmbeddedSubsetOfTheBundledFont(ApplicationType type) throws IOException {
        try (PDDocument document = RenderedPdf.open(PDFS.get(type))) {
            assertEquals(1, document.getNumberOfPages());
            PDPage page = document.getPage(0);
            assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.01);
            assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.01);
            PDResources resources = page.getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertEquals(1, fonts.size(), "one font");
            PDType0Font font = (PDType0Font) fonts.getFirst();
            assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansSC-Regular"), font.getName());
            PDCIDFontType2 cid = (PDCIDFontType2) font.getDescendantFont();
            var fontFile = cid.getFontDescriptor().getFontFile2();
            assertTrue(fontFile != null, "embedded as TrueType (FontFile2)");
            int embedded = fontFile.toByteArray().length;
            assertTrue(embedded < 1_000_000, "a subset, not the whole 10 MB font: " + embedded + " bytes");
        }
    }

    @Test
    void thePhotoIsPrintedWhenThereIsOneAndAnEmptyFrameOtherwise() throws IOException {
        Application application = SampleApplications.of(ApplicationType.FIRST_ISSUE);
        assertEquals(1, images(FORM.render(application, SampleApplications.photo(), GENERATED).pdf()));
        assertEquals(0, images(FORM.render(application, null, GENERATED).pdf()));
        assertEquals(0, images(FORM.render(application, new byte[0], GENERATED).pdf()));
    }

    @Test
    void aPhotoThatIsNoImageIsRefused() {
        Application application = SampleApplications.of(ApplicationType.FIRST_ISSUE);
        byte[] notAnImage = "not a photo".getBytes();
        assertThrows(IllegalArgumentException.class, () -> FORM.render(application, notAnImage, GENERATED));
    }

    private static int images(byte[] pdf) throws IOException {
        try (PDDocument document = RenderedPdf.open(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            int count = 0;
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    count++;
                }
            }
            return count;
        }
    }

    @Test
    void aPersonWithACertificateOfEveryCategoryStillGetsOnePage() {
        List<Certificate> all = new ArrayList<>();
        int serial = 1;
        for (Category category : Category.values()) {
            all.add(SampleApplications.certificate(category, "沪建安" + category.name() + "（2023）000000" + serial++,
                    "上海浦江市政工程建设发展有限公司"));
        }
        Application application = SampleApplications.of(ApplicationType.EMPLOYER_CHANGE).toBuilder().certificates(all).build();
        String text = RenderedPdf.joined(FORM.render(application, null, GENERATED).pdf());
        for (Certificate c : all) {
            assertTrue(text.contains(c.certificateNo()), c.certificateNo());
        }
        assertTrue(text.contains("同意该同志申报省内变更受聘企业。"));
    }

    @Test
    void rowsThatCannotFitAboveTheOpinionsAreRefusedRatherThanOverprinted() {
        List<Certificate> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(SampleApplications.certificate(Category.C3, "沪建安C3（2023）00000" + (10 + i), OLD_ENTERPRISE));
        }
        Application application = SampleApplications.of(ApplicationType.EMPLOYER_CHANGE).toBuilder().certificates(many).build();
        assertThrows(IllegalArgumentException.class, () -> FORM.render(application, null, GENERATED));
    }

    @Test
    void theFileNameIsThePrefixAndTheShanghaiTimeToTheSecond() {
        assertEquals("考核发证申请表_20240614103818.pdf", ApplicationForm.fileName(ApplicationType.FIRST_ISSUE, GENERATED));
        assertEquals("受聘企业变更申请表_20240614003000.pdf",
                ApplicationForm.fileName(ApplicationType.EMPLOYER_CHANGE, Instant.parse("2024-06-13T16:30:00.999Z")));
        RenderedForm rendered = FORM.render(SampleApplications.of(ApplicationType.CANCELLATION), null, GENERATED);
        assertEquals("证书注销申请表_20240614103818.pdf", rendered.fileName());
    }

    @Test
    void aRareCharacterTheFontHasIsPrinted() {
        Application application = withName(SampleApplications.of(ApplicationType.FIRST_ISSUE), "刘䶮");
        assertTrue(RenderedPdf.joined(FORM.render(application, null, GENERATED).pdf()).contains("姓名刘䶮"));
    }

    @Test
    void aCharacterTheFontLacksRefusesTheFormAndNamesTheCharacter() {
        Application application = withName(SampleApplications.of(ApplicationType.FIRST_ISSUE), "𠮷田优");
        UnprintableTextException refused = assertThrows(UnprintableTextException.class,
                () -> FORM.render(application, null, GENERATED));
        assertEquals("𠮷", refused.characters());
        assertTrue(refused.getMessage().contains("U+20BB7"), refused.getMessage());
    }

    private static Application withName(Application application, String name) {
        var a = application.applicant();
        return application.toBuilder()
                .applicant(new anguan.domain.application.Applicant(name, a.gender(), a.birthDate(), a.idType(), a.idNo(), a.mobile()))
                .build();
    }

    @Test
    void twoThreadsRenderingAtOnceEachGetTheirOwnWholeForm() throws Exception {
        byte[] photo = SampleApplications.photo();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            List<java.util.concurrent.Future<String>> texts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ApplicationType type = ApplicationType.values()[i % ApplicationType.values().length];
                texts.add(pool.submit(() -> RenderedPdf.joined(FORM.render(SampleApplications.of(type), photo, GENERATED).pdf())));
            }
            for (int i = 0; i < texts.size(); i++) {
                ApplicationType type = ApplicationType.values()[i % ApplicationType.values().length];
                assertEquals(joined(type), texts.get(i).get(), type.name());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ApplicationType.class)
    void aLongEnterpriseNameWrapsAndStillFitsEveryForm(ApplicationType type) {
        String longName = "上海市浦东新区张江高科技园区建筑安装工程集团股份有限公司第三工程分公司";
        Application application = SampleApplications.of(type);
        application = application.toBuilder()
                .enterprise(new anguan.domain.application.ApplicationEnterprise(USCC, longName, ENTERPRISE_PHONE))
                .exams(type == ApplicationType.RENEWAL ? List.of(application.exams().getFirst(), application.exams().getFirst())
                        : application.exams())
                .build();
        String text = RenderedPdf.joined(FORM.render(application, SampleApplications.photo(), GENERATED).pdf());
        assertTrue(text.contains("企业名称" + longName), text);
        assertTrue(text.contains("聘用企业意见"), text);
    }
}
