/**
 * The application forms (申请表) of the six applications, rendered with PDFBox 3 for 签名上报.
 *
 * <p>{@link anguan.pdf.form.ApplicationForm#render} takes the application as it stands, the photo
 * DOMAIN.md names (bytes, or none for an empty frame) and the generation instant, and returns a
 * {@link anguan.domain.application.FormRenderer.RenderedForm}: {@code <prefix>_<yyyyMMddHHmmss>.pdf} (Asia/Shanghai) and
 * one unsigned A4 page set in the bundled Noto Sans SC ({@link anguan.pdf.font.FormFont}),
 * embedded as a subset, so all text is real text. The signing code puts its visible marks at
 * {@link anguan.pdf.form.FormLayout#applicantSignatureBox()} (签字) and
 * {@link anguan.pdf.form.FormLayout#enterpriseSealBox()} (盖章) on page
 * {@link anguan.pdf.form.FormLayout#signaturePage()}: fixed places, left blank on every form.
 *
 * <p>Refusals are {@link java.lang.IllegalArgumentException}s: a photo that is not JPEG or PNG,
 * rows that do not fit one page, and {@link anguan.pdf.form.UnprintableTextException} for a
 * character the font lacks (CJK Extension B, e.g. 𠮷), which names the characters.
 */
package anguan.pdf.form;
