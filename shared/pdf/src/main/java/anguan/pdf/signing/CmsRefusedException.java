package anguan.pdf.signing;

/** A hardware token's CMS is refused for one {@link CmsRefusal}; the detail is English, for logs. */
public final class CmsRefusedException extends Exception {
    private final CmsRefusal reason;

    public CmsRefusedException(CmsRefusal reason, String detail) {
        super(reason.code() + ": " + detail);
        this.reason = reason;
    }

    public CmsRefusal reason() {
        return reason;
    }
}
