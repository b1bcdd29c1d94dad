package anguan.pdf.signing;

/**
 * Why a CMS SignedData from a hardware token is not embedded. Each is its own code, for the
 * function's 422; the checks run in this order, so each refusal names the first thing wrong. The
 * message is what the enterprise's user reads: what is wrong and what to do, never the certificate.
 */
public enum CmsRefusal {
    /** Not a detached CMS SignedData with one signer, signed attributes, signing-certificate-v2 and no signing-time. */
    CMS_MALFORMED("签章数据格式不正确：应为不含原文的CMS签名数据（一个签名者，带签名证书属性，不带签名时间），请检查签章客户端后重新签章"),
    /** The signer's certificate was not issued by the platform CA. */
    CMS_UNTRUSTED("签章证书不是本平台认可的机构签发的，请使用本企业的一证通证书签章"),
    /** The signer's certificate is outside its validity (or not yet valid). */
    CMS_EXPIRED("签章证书不在有效期内，请更新证书后再签章"),
    /** The signer's certificate names another enterprise's USCC. */
    CMS_WRONG_ENTERPRISE("签章证书不属于本企业（统一社会信用代码不符），请使用本企业的证书签章"),
    /** A valid certificate of the enterprise, but not the token's one the signature was prepared for. */
    CMS_SIGNER_MISMATCH("签章所用证书与发起签章时提交的证书不一致，请用同一证书重新发起签章"),
    /** The messageDigest attribute is not the prepared digest of the PDF's byte ranges. */
    CMS_DIGEST_MISMATCH("签章数据中的摘要与待签申请表不符，请重新发起签章"),
    /** The signature over the signed attributes does not verify with the signer's key. */
    CMS_SIGNATURE_INVALID("签名值验证未通过，请重新发起签章");

    private final String message;

    CmsRefusal(String message) {
        this.message = message;
    }

    public String code() {
        return name();
    }

    /** The refusal in Chinese, for the user. */
    public String message() {
        return message;
    }
}
