/**
 * The notices the platform issues as PDF, set like the forms ({@link anguan.pdf.form.FormPage},
 * the bundled font) and signed under the authority's seal: so far the 行政审批受理通知书
 * ({@link anguan.pdf.notice.AcceptanceNotice}), behind the domain's
 * {@link anguan.domain.signing.AcceptanceNoticeRenderer} port.
 */
package anguan.pdf.notice;
