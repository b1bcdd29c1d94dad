package anguan.pdf.form;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The fixed geometry of every application form (申请表), in PDF points from the page's lower-left
 * corner. The opinions and their 签字/盖章 places sit at the same place on every form whatever the
 * rows above them hold, so the signing code can put its visible marks there without reading the
 * document.
 */
public final class FormLayout {

    /** Forms are one A4 page, portrait. */
    public static final PDRectangle PAGE = PDRectangle.A4;

    static final float MARGIN_X = 45f;
    static final float LEFT = MARGIN_X;
    static final float RIGHT = PAGE.getWidth() - MARGIN_X;
    static final float WIDTH = RIGHT - LEFT;
    static final float LABEL_WIDTH = 100f;
    static final float TITLE_BASELINE = PAGE.getHeight() - 62f;
    static final float DETAILS_TOP = PAGE.getHeight() - 100f;

    static final float GENERATED_AT_BASELINE = 44f;
    static final float ENTERPRISE_ROW_BOTTOM = 62f;
    static final float ENTERPRISE_ROW_TOP = 200f;
    static final float APPLICANT_ROW_BOTTOM = ENTERPRISE_ROW_TOP;
    /**
     * The 申请人意见 row reaches up to wherever the details end, so the table runs on without a gap,
     * but never lower than this: its text needs the room, and a form whose details reach lower is refused.
     */
    static final float DETAILS_BOTTOM = 360f;

    static final float BOX_INSET = 10f;
    private static final float SIGNATURE_WIDTH = 150f;
    private static final float SIGNATURE_HEIGHT = 50f;
    private static final float SEAL_SIZE = 118f;

    private FormLayout() {
    }

    /** Index of the page that carries the 签字 and 盖章 places. */
    public static int signaturePage() {
        return 0;
    }

    /** The applicant's 签字 place (申请人意见 row, lower right): where the personal signature's mark goes. */
    public static PDRectangle applicantSignatureBox() {
        return new PDRectangle(RIGHT - BOX_INSET - SIGNATURE_WIDTH, APPLICANT_ROW_BOTTOM + BOX_INSET,
                SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
    }

    /** The enterprise's 盖章 place (聘用企业意见 row, right): square, room for a round seal of about 4 cm. */
    public static PDRectangle enterpriseSealBox() {
        return new PDRectangle(RIGHT - BOX_INSET - SEAL_SIZE, ENTERPRISE_ROW_BOTTOM + BOX_INSET, SEAL_SIZE, SEAL_SIZE);
    }
}
