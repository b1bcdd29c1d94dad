package anguan.pdf.form;

/**
 * A rendered application form (申请表): its file name ({@code <prefix>_<yyyyMMddHHmmss>.pdf}) and
 * the PDF bytes, unsigned.
 */
public record RenderedForm(String fileName, byte[] pdf) {
}
