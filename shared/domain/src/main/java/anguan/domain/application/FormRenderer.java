package anguan.domain.application;

import java.time.Instant;

/**
 * Port: the 申请表 of an application as a document (the PDF adapter is {@code anguan.pdf.form}). The
 * form carries the full ID number and mobile, the photo, the pledges with the names filled in and
 * the moment it was made (表格生成时间), which also names the file.
 */
public interface FormRenderer {
    /**
     * @param photo the photo shown and printed ({@link Application#photoKey()}'s bytes), or null for an empty frame
     */
    RenderedForm render(Application application, byte[] photo, Instant generatedAt);

    /** A rendered form: its file name as DOMAIN.md names it ({@code <prefix>_<yyyyMMddHHmmss>.pdf}) and its bytes. */
    record RenderedForm(String fileName, byte[] pdf) {
        @Override
        public String toString() {
            return "RenderedForm[" + fileName + ", " + pdf.length + " bytes]";
        }
    }
}
