package anguan.pdf.ca;

/** Whether a certificate is one the platform CA issued and is within its validity at a given instant. */
public enum Trust {
    TRUSTED,
    /** Not signed by the platform CA (another CA, self-signed, or tampered). */
    UNTRUSTED,
    /** Issued by the platform CA, but its validity (or the CA's) ended before the instant. */
    EXPIRED,
    /** Issued by the platform CA, but valid only from after the instant. */
    NOT_YET_VALID
}
