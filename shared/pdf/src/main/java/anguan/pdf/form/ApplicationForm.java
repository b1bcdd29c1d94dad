package anguan.pdf.form;

import anguan.domain.application.Application;
import anguan.domain.application.FormRenderer;
import anguan.domain.application.ApplicationType;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.certificate.Position;
import anguan.domain.common.BusinessTime;
import anguan.domain.person.ExamResult;
import anguan.pdf.font.FormFont;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Renders the application form (申请表) of each of the six applications, as the manual's
 * screenshots (chapters 3.1–3.6) show it: the title, the person's and the enterprise's rows with
 * the full ID number and mobile, the exams or certificates the application rests on, the photo,
 * 申请人意见 with its 签字 place, 聘用企业意见 with its 盖章 place (both at {@link FormLayout}'s fixed
 * boxes), and 表格生成时间. One A4 page. Stateless and safe to share.
 */
public final class ApplicationForm implements FormRenderer {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessTime.ZONE);

    private static final float TITLE_SIZE = 18f;
    private static final float VALUE1_WIDTH = 132f;
    private static final float LABEL2_WIDTH = 80f;
    private static final float PHOTO_WIDTH = 88f;
    private static final float VALUE2_WIDTH = FormLayout.WIDTH - FormLayout.LABEL_WIDTH - VALUE1_WIDTH - LABEL2_WIDTH - PHOTO_WIDTH;
    private static final float PHOTO_INSET = 6f;
    /** The photo stands beside the first five rows (姓名 … 企业联系电话). */
    private static final int ROWS_BESIDE_PHOTO = 5;

    /** {@code <prefix>_<yyyyMMddHHmmss>.pdf}, the time in Asia/Shanghai (DOMAIN.md, Signing). */
    public static String fileName(ApplicationType type, Instant generatedAt) {
        return type.formFileName(generatedAt);
    }

    /**
     * The form of {@code application} as it stands.
     *
     * @param photo the photo DOMAIN.md names (the registry's for FIRST_ISSUE and TRANSFER_IN, the
     *              certificate's otherwise) as JPEG or PNG bytes; null or empty prints an empty frame
     * @param generatedAt printed as 表格生成时间 and in the file name
     * @throws IllegalArgumentException if the photo is not a JPEG or PNG image, or the rows do not fit the page
     */
    @Override
    public RenderedForm render(Application application, byte[] photo, Instant generatedAt) {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(generatedAt, "generatedAt");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(FormLayout.PAGE);
            document.addPage(page);
            describe(document, application, generatedAt);
            PDType0Font font = FormFont.embedIn(document);
            PDImageXObject image = photo == null || photo.length == 0 ? null
                    : PDImageXObject.createFromByteArray(document, photo, "photo");
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                out.setLineWidth(0.8f);
                FormPage canvas = new FormPage(out, font);
                header(canvas, application);
                float bottom = details(canvas, application, image);
                if (bottom < FormLayout.DETAILS_BOTTOM) {
                    throw new IllegalArgumentException("the rows of application " + application.applicationNo()
                            + " do not fit on one page above the opinions");
                }
                opinions(canvas, application, bottom);
                String stamp = "表格生成时间：" + SHOWN.format(generatedAt);
                canvas.text(stamp, FormLayout.RIGHT - canvas.width(stamp, FormPage.TEXT_SIZE),
                        FormLayout.GENERATED_AT_BASELINE, FormPage.TEXT_SIZE);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            document.save(bytes);
            return new RenderedForm(fileName(application.type(), generatedAt), bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("the form of " + application.applicationNo() + " cannot be rendered", e);
        }
    }

    private static void describe(PDDocument document, Application application, Instant generatedAt) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(application.type().formTitle());
        info.setSubject(application.applicationNo());
        GregorianCalendar created = GregorianCalendar.from(generatedAt.atZone(BusinessTime.ZONE));
        info.setCreationDate(created);
        info.setModificationDate(created);
    }

    private static void header(FormPage canvas, Application application) throws IOException {
        canvas.centred(application.type().formTitle(), (FormLayout.LEFT + FormLayout.RIGHT) / 2,
                FormLayout.TITLE_BASELINE, TITLE_SIZE);
        if (application.applicationNo() != null) {
            String number = "申请编号：" + application.applicationNo();
            canvas.text(number, FormLayout.RIGHT - canvas.width(number, FormPage.SMALL_SIZE),
                    FormLayout.DETAILS_TOP + 8f, FormPage.SMALL_SIZE);
        }
    }

    /** The rows above the opinions, top down; returns the bottom edge of the last row. */
    private static float details(FormPage canvas, Application application, PDImageXObject photo) throws IOException {
        var applicant = application.applicant();
        var enterprise = application.enterprise();
        float x0 = FormLayout.LEFT;
        float x1 = x0 + FormLayout.LABEL_WIDTH;
        float x2 = x1 + VALUE1_WIDTH;
        float x3 = x2 + LABEL2_WIDTH;
        float x4 = x3 + VALUE2_WIDTH;
        float spanWide = VALUE1_WIDTH + LABEL2_WIDTH + VALUE2_WIDTH;

        List<String[]> pairs = List.of(
                new String[] {"姓名", applicant.name(), "性别", shown(applicant.gender())},
                new String[] {"证件类型", shown(applicant.idType()), "出生日期", date(applicant.birthDate())},
                new String[] {"证件号码", applicant.idNo(), "手机号码", text(applicant.mobile())},
                new String[] {"企业名称", text(enterprise.name())},
                new String[] {"统一社会信用代码", text(enterprise.uscc()), "企业联系电话", text(enterprise.phone())});
        float top = FormLayout.DETAILS_TOP;
        float photoTop = top;
        for (String[] row : pairs) {
            if (row.length == 2) {
                float h = Math.max(canvas.cellHeight(row[0], FormLayout.LABEL_WIDTH, FormPage.TEXT_SIZE),
                        canvas.cellHeight(row[1], spanWide, FormPage.TEXT_SIZE));
                canvas.cell(x0, top, FormLayout.LABEL_WIDTH, h, row[0], true, FormPage.TEXT_SIZE);
                canvas.cell(x1, top, spanWide, h, row[1], false, FormPage.TEXT_SIZE);
                top -= h;
            } else {
                top = pairRow(canvas, top, row, x0, x1, x2, x3, VALUE2_WIDTH);
            }
        }
        photoFrame(canvas, photo, x4, photoTop, top);

        // 省内变更 moves every certificate at once: their categories and positions are in its table.
        if (application.type() != ApplicationType.EMPLOYER_CHANGE) {
            top = pairRow(canvas, top, new String[] {"证书类别", category(application), "职务", position(application)},
                    x0, x1, x2, x3, VALUE2_WIDTH + PHOTO_WIDTH);
        }
        if (application.type() == ApplicationType.CANCELLATION) {
            top = wideRow(canvas, top, "注销原因", cancelReason(application));
        }
        switch (application.type()) {
            case FIRST_ISSUE -> top = exams(canvas, top, application);
            case RENEWAL -> {
                top = exams(canvas, top, application);
                top = certificates(canvas, top, "现证书状态", certificateRows(application.certificates()));
            }
            case EMPLOYER_CHANGE -> top = certificates(canvas, top, "变更的证书信息", certificateRows(application.certificates()));
            case TRANSFER_IN -> top = certificates(canvas, top, "原证书信息", originalRows(application));
            case TRANSFER_OUT, CANCELLATION ->
                    top = certificates(canvas, top, "现证书状态", certificateRows(application.certificates()));
        }
        return top;
    }

    private static float pairRow(FormPage canvas, float top, String[] row, float x0, float x1, float x2, float x3,
                                 float lastWidth) throws IOException {
        float size = FormPage.TEXT_SIZE;
        float h = Math.max(Math.max(canvas.cellHeight(row[0], FormLayout.LABEL_WIDTH, size),
                        canvas.cellHeight(row[1], VALUE1_WIDTH, size)),
                Math.max(canvas.cellHeight(row[2], LABEL2_WIDTH, size), canvas.cellHeight(row[3], lastWidth, size)));
        canvas.cell(x0, top, FormLayout.LABEL_WIDTH, h, row[0], true, size);
        canvas.cell(x1, top, VALUE1_WIDTH, h, row[1], false, size);
        canvas.cell(x2, top, LABEL2_WIDTH, h, row[2], true, size);
        canvas.cell(x3, top, lastWidth, h, row[3], false, size);
        return top - h;
    }

    private static float wideRow(FormPage canvas, float top, String label, String value) throws IOException {
        float width = FormLayout.WIDTH - FormLayout.LABEL_WIDTH;
        float h = Math.max(canvas.cellHeight(label, FormLayout.LABEL_WIDTH, FormPage.TEXT_SIZE),
                canvas.cellHeight(value, width, FormPage.TEXT_SIZE));
        canvas.cell(FormLayout.LEFT, top, FormLayout.LABEL_WIDTH, h, label, true, FormPage.TEXT_SIZE);
        canvas.cell(FormLayout.LEFT + FormLayout.LABEL_WIDTH, top, width, h, value, false, FormPage.TEXT_SIZE);
        return top - h;
    }

    private static void photoFrame(FormPage canvas, PDImageXObject photo, float x, float top, float bottom) throws IOException {
        canvas.frame(x, bottom, PHOTO_WIDTH, top - bottom);
        float w = PHOTO_WIDTH - 2 * PHOTO_INSET;
        float h = Math.min(top - bottom - 2 * PHOTO_INSET, w * 1.4f);
        float y = bottom + (top - bottom - h) / 2;
        canvas.frame(x + PHOTO_INSET, y, w, h);
        if (photo != null) {
            canvas.image(photo, x + PHOTO_INSET, y, w, h);
        }
    }

    private static final float[] EXAM_COLUMNS = {90f, 90f, 168f};
    private static final float[] CERTIFICATE_COLUMNS = {128f, 92f, 76f};

    private static float exams(FormPage canvas, float top, Application application) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"姓名", "考试时间", "考试类别", "考试结果"});
        for (ExamResult exam : application.exams()) {
            rows.add(new String[] {application.applicant().name(), date(exam.examDate()),
                    (exam.category() == null ? "" : exam.category().displayName()) + shown(exam.examType()),
                    exam.passed() ? "通过" : "未通过"});
        }
        return subTable(canvas, top, "考试通过信息", rows, EXAM_COLUMNS);
    }

    private static float certificates(FormPage canvas, float top, String caption, List<String[]> rows) throws IOException {
        List<String[]> all = new ArrayList<>();
        all.add(new String[] {"证书编号", "证书类别", "有效期", "企业名称"});
        all.addAll(rows);
        return subTable(canvas, top, caption, all, CERTIFICATE_COLUMNS);
    }

    private static List<String[]> certificateRows(List<Certificate> certificates) {
        List<String[]> rows = new ArrayList<>();
        for (Certificate c : certificates) {
            rows.add(new String[] {c.certificateNo(), shown(c.category()), validity(c.validFrom(), c.validTo()),
                    text(c.enterpriseName())});
        }
        return rows;
    }

    private static List<String[]> originalRows(Application application) {
        ExternalCertificate original = application.originalCertificate();
        if (original == null) {
            return List.<String[]>of(new String[][] {{text(application.originalCertificateNo()), "", "", ""}});
        }
        return List.<String[]>of(new String[][] {{original.certificateNo(), shown(original.category()),
                validity(original.validFrom(), original.validTo()), text(original.enterpriseName())}});
    }

    /**
     * A captioned block: the caption in the label column beside all its rows, the first row a
     * header; the last column takes what the others leave.
     */
    private static float subTable(FormPage canvas, float top, String caption, List<String[]> rows, float[] columns)
            throws IOException {
        float size = FormPage.SMALL_SIZE;
        float x1 = FormLayout.LEFT + FormLayout.LABEL_WIDTH;
        float[] widths = new float[columns.length + 1];
        System.arraycopy(columns, 0, widths, 0, columns.length);
        float used = 0;
        for (float c : columns) {
            used += c;
        }
        widths[columns.length] = FormLayout.RIGHT - x1 - used;
        // Heights first, so the caption is drawn (and read, and copied) before its rows.
        float[] heights = new float[rows.size()];
        float total = 0;
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                heights[r] = Math.max(heights[r], canvas.cellHeight(row[c], widths[c], size));
            }
            total += heights[r];
        }
        canvas.cell(FormLayout.LEFT, top, FormLayout.LABEL_WIDTH, total, caption, true, FormPage.TEXT_SIZE);
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            float x = x1;
            for (int c = 0; c < row.length; c++) {
                canvas.cell(x, top, widths[c], heights[r], row[c], r == 0, size);
                x += widths[c];
            }
            top -= heights[r];
        }
        return top;
    }

    private static void opinions(FormPage canvas, Application application, float detailsBottom) throws IOException {
        var signature = FormLayout.applicantSignatureBox();
        opinionRow(canvas, "申请人意见", FormOpinions.applicant(application), detailsBottom,
                FormLayout.APPLICANT_ROW_BOTTOM, signature.getUpperRightY() + 4f, FormLayout.WIDTH - FormLayout.LABEL_WIDTH);
        mark(canvas, "签字：", signature.getLowerLeftX(), signature.getLowerLeftY(), signature.getHeight());

        var seal = FormLayout.enterpriseSealBox();
        float textWidth = seal.getLowerLeftX() - (FormLayout.LEFT + FormLayout.LABEL_WIDTH) - 40f;
        opinionRow(canvas, "聘用企业意见", FormOpinions.enterprise(application), FormLayout.ENTERPRISE_ROW_TOP,
                FormLayout.ENTERPRISE_ROW_BOTTOM, FormLayout.ENTERPRISE_ROW_BOTTOM, textWidth);
        mark(canvas, "盖章：", seal.getLowerLeftX(), seal.getLowerLeftY(), seal.getHeight());
    }

    /** An opinion row of fixed height; its text must end above {@code floor}, or the form is refused. */
    private static void opinionRow(FormPage canvas, String label, List<String> text, float top, float bottom,
                                   float floor, float textWidth) throws IOException {
        float x1 = FormLayout.LEFT + FormLayout.LABEL_WIDTH;
        canvas.cell(FormLayout.LEFT, top, FormLayout.LABEL_WIDTH, top - bottom, label, true, FormPage.TEXT_SIZE);
        canvas.frame(x1, bottom, FormLayout.RIGHT - x1, top - bottom);
        float end = canvas.paragraphs(text, x1 + FormPage.PADDING + 3f, top - 8f,
                Math.min(textWidth, FormLayout.RIGHT - x1) - 2 * FormPage.PADDING - 6f, FormPage.TEXT_SIZE);
        if (end < floor) {
            throw new IllegalArgumentException(label + " does not fit its row");
        }
    }

    /** "签字：" or "盖章：" just left of the place, at its vertical middle. */
    private static void mark(FormPage canvas, String label, float boxX, float boxY, float boxHeight) throws IOException {
        canvas.text(label, boxX - canvas.width(label, FormPage.TEXT_SIZE) - 4f,
                boxY + boxHeight / 2 - FormPage.TEXT_SIZE / 3, FormPage.TEXT_SIZE);
    }

    private static String category(Application application) {
        if (application.category() != null) {
            return category(application.category());
        }
        if (!application.certificates().isEmpty()) {
            return category(application.certificates().getFirst().category());
        }
        return application.originalCertificate() == null ? "" : category(application.originalCertificate().category());
    }

    private static String position(Application application) {
        Position position = application.position();
        if (position == null && !application.certificates().isEmpty()) {
            position = application.certificates().getFirst().position();
        }
        return position == null ? "" : position.displayName();
    }

    private static String category(Category category) {
        return category == null ? "" : category.displayName() + "（" + category.name() + "证）";
    }

    private static String cancelReason(Application application) {
        if (application.cancelReason() == null) {
            return "";
        }
        String reason = application.cancelReason().displayName();
        String detail = application.cancelReasonText();
        return detail == null || detail.isBlank() ? reason : reason + "：" + detail.strip();
    }

    private static String validity(LocalDate from, LocalDate to) {
        return date(from) + " 至\n" + date(to);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String shown(anguan.domain.common.Coded coded) {
        return coded == null ? "" : coded.displayName();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
