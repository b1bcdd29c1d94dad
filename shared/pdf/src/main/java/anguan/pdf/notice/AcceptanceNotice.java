package anguan.pdf.notice;

import anguan.domain.application.Application;
import anguan.domain.common.BusinessTime;
import anguan.domain.signing.AcceptanceNoticeRenderer;
import anguan.pdf.ca.Credential;
import anguan.pdf.ca.PlatformCa;
import anguan.pdf.font.FormFont;
import anguan.pdf.form.FormPage;
import anguan.pdf.signing.PadesSigner;
import anguan.pdf.signing.SealFont;
import anguan.pdf.signing.VisibleMark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The 行政审批受理通知书 of an application its enterprise has signed (受理): one A4 page set in the
 * bundled font (real text, embedded as a subset) with the application number, the applicant (ID
 * number in full: documents carry it), the enterprise and its USCC, the item, the acceptance date,
 * the statutory time limit, how to follow progress, and the authority's name and date under its
 * electronic seal: a round red seal that is the visible mark of the authority's PAdES signature, so
 * the seal on the paper and the signature in the file are one thing. Built once per container.
 */
public final class AcceptanceNotice implements AcceptanceNoticeRenderer {
    static final String TITLE = "行政审批受理通知书";
    static final String AUTHORITY = "上海市住房和城乡建设管理委员会";
    static final String TIME_LIMIT = "自受理之日起20个工作日内作出决定";
    static final String PROGRESS = "登录上海市安管人员考核发证管理信息系统，在“申请事项查询”中查看办理进度。";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(BusinessTime.ZONE);
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 64f;
    private static final float RIGHT = PAGE.getWidth() - 64f;
    private static final float LABEL_WIDTH = 120f;
    private static final float TITLE_SIZE = 22f;
    private static final float BODY_SIZE = 12f;
    private static final float SEAL_SIZE = 118f;

    private final Credential authority;
    private final PadesSigner signer;
    private final SealFont font = SealFont.bundled();

    /** @param authority the 住建委's signing credential, issued by {@code ca} */
    public AcceptanceNotice(Credential authority, PlatformCa ca) {
        this.authority = Objects.requireNonNull(authority, "authority");
        this.signer = new PadesSigner(Objects.requireNonNull(ca, "ca"));
    }

    /** {@code 行政审批受理通知书_<applicationNo>.pdf}: one notice per application; a retry replaces it. */
    public static String fileName(String applicationNo) {
        return TITLE + "_" + applicationNo + ".pdf";
    }

    @Override
    public RenderedNotice render(Application accepted, Instant acceptedAt) {
        Objects.requireNonNull(accepted, "accepted");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Unsigned unsigned = page(accepted, acceptedAt);
        PDRectangle box = unsigned.sealBox();
        VisibleMark mark = VisibleMark.roundSeal(box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight(), AUTHORITY, font);
        return new RenderedNotice(fileName(accepted.applicationNo()), signer.sign(unsigned.pdf(), authority, mark, acceptedAt));
    }

    /** The page before its seal, and where the seal goes: over the authority's name and date, wherever the text above leaves them. */
    private record Unsigned(byte[] pdf, PDRectangle sealBox) {
    }

    private static Unsigned page(Application application, Instant acceptedAt) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(TITLE);
            info.setSubject(application.applicationNo());
            GregorianCalendar created = GregorianCalendar.from(acceptedAt.atZone(BusinessTime.ZONE));
            info.setCreationDate(created);
            info.setModificationDate(created);
            PDRectangle sealBox;
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                out.setLineWidth(0.8f);
                FormPage canvas = new FormPage(out, FormFont.embedIn(document));
                float top = PAGE.getHeight() - 96f;
                canvas.centred(TITLE, PAGE.getWidth() / 2, top, TITLE_SIZE);
                String number = "受理编号：" + application.applicationNo();
                canvas.text(number, RIGHT - canvas.width(number, FormPage.TEXT_SIZE), top - 34f, FormPage.TEXT_SIZE);
                top -= 50f;
                top = body(canvas, application, acceptedAt, top);
                top = table(canvas, application, acceptedAt, top - 18f);
                canvas.text("特此通知。", LEFT + 2 * BODY_SIZE, top - 30f, BODY_SIZE);
                sealBox = signOff(canvas, acceptedAt, top - 100f);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            document.save(bytes);
            return new Unsigned(bytes.toByteArray(), sealBox);
        } catch (IOException e) {
            throw new UncheckedIOException("the acceptance notice of " + application.applicationNo() + " cannot be rendered", e);
        }
    }

    /** The salutation and the decision to accept, as a letter; returns the bottom. */
    private static float body(FormPage canvas, Application application, Instant acceptedAt, float top) throws IOException {
        String enterprise = text(application.enterprise() == null ? null : application.enterprise().name());
        List<String> paragraphs = List.of(
                text(application.applicant().name()) + "：",
                "　　你申请的" + item(application) + "事项（申请编号：" + application.applicationNo() + "），经聘用企业"
                        + enterprise + "于" + DATE.format(acceptedAt) + "签章上报，申请材料齐全、符合法定形式，本机关决定予以受理，并将"
                        + TIME_LIMIT + "。");
        return canvas.paragraphs(paragraphs, LEFT, top, RIGHT - LEFT, BODY_SIZE);
    }

    /** What was accepted, row by row; returns the bottom edge of the last row. */
    private static float table(FormPage canvas, Application application, Instant acceptedAt, float top) throws IOException {
        var enterprise = application.enterprise();
        List<String[]> rows = List.of(
                new String[] {"申请编号", application.applicationNo()},
                new String[] {"申请人", text(application.applicant().name())},
                new String[] {"证件号码", text(application.applicant().idNo())},
                new String[] {"聘用企业", text(enterprise == null ? null : enterprise.name())},
                new String[] {"统一社会信用代码", text(enterprise == null ? null : enterprise.uscc())},
                new String[] {"申请事项", item(application)},
                new String[] {"受理日期", DATE.format(acceptedAt)},
                new String[] {"办理时限", TIME_LIMIT},
                new String[] {"进度查询", PROGRESS});
        float valueWidth = RIGHT - LEFT - LABEL_WIDTH;
        for (String[] row : rows) {
            float height = Math.max(canvas.cellHeight(row[0], LABEL_WIDTH, FormPage.TEXT_SIZE),
                    canvas.cellHeight(row[1], valueWidth, FormPage.TEXT_SIZE));
            canvas.cell(LEFT, top, LABEL_WIDTH, height, row[0], true, FormPage.TEXT_SIZE);
            canvas.cell(LEFT + LABEL_WIDTH, top, valueWidth, height, row[1], false, FormPage.TEXT_SIZE);
            top -= height;
        }
        return top;
    }

    /** The authority's name and the date, right-aligned as a letter's signature; returns the seal's box, over both. */
    private static PDRectangle signOff(FormPage canvas, Instant acceptedAt, float baseline) throws IOException {
        float nameWidth = canvas.width(AUTHORITY, BODY_SIZE);
        float nameX = RIGHT - nameWidth;
        canvas.text(AUTHORITY, nameX, baseline, BODY_SIZE);
        String date = DATE.format(acceptedAt);
        canvas.text(date, nameX + (nameWidth - canvas.width(date, BODY_SIZE)) / 2, baseline - 2 * BODY_SIZE, BODY_SIZE);
        return new PDRectangle(nameX + nameWidth / 2 - SEAL_SIZE / 2, baseline - BODY_SIZE - SEAL_SIZE / 2, SEAL_SIZE, SEAL_SIZE);
    }

    /** 申请事项 as the system names it: 安管人员 + the application's name, e.g. 安管人员考核发证. */
    private static String item(Application application) {
        return "安管人员" + application.type().displayName();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "AcceptanceNotice[" + authority + "]";
    }
}
