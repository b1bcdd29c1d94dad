package anguan.pdf.signing;

/**
 * Why a CMS SignedData from a hardware token is not embedded. Each is its own code, for the
 * function's 422; the checks run in this order, so each refusal names the first thing wrong.
 */
public enum CmsRefusal {
    /** Not a detached CMS SignedData with one signer, signed attributes, signing-certificate-v2 and no signing-time. */
    CMS_MALFORMED,
    /** The signer's certificate was not issued by the platform CA. */
    CMS_UNTRUSTED,
    /** The signer's certificate is outside its validity (or not yet valid). */
    CMS_EXPIRED,
    /** The signer's certificate names another enterprise's USCC. */
    CMS_WRONG_ENTERPRISE,
    /** A valid certificate of the enterprise, but not the token's one the signature was prepared for. */
    CMS_SIGNER_MISMATCH,
    /** The messageDigest attribute is not the prepared digest of the PDF's byte ranges. */
    CMS_DIGEST_MISMATCH,
    /** The signature over the signed attributes does not verify with the signer's key. */
    CMS_SIGNATURE_INVALID;

    public String code() {
        return name();
    }
}
