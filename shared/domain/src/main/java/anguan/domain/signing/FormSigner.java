package anguan.domain.signing;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the PAdES signatures on an application's 申请表 (the adapter is {@code anguan.pdf.signing}).
 * The person signs first, at 签字; the enterprise second, at 盖章, as an incremental update that
 * keeps the person's signature valid. The adapter holds the platform CA, issues each signer's
 * certificate on first need and keeps their keys sealed; nothing here ever sees a key.
 */
public interface FormSigner {
    /** The person's signature (CMS detached, SHA-256, signing-certificate-v2, no signing-time) with a visible mark at 签字. */
    byte[] signAsPerson(byte[] form, PersonSignatory person, Instant at);

    /** Whether the form's first signature is intact, from the platform CA and this person's. */
    boolean hasValidPersonSignature(byte[] personallySigned, String idNo);

    /**
     * The enterprise's signature with its platform-held 一证通 key, which {@code password} unseals;
     * empty when the password does not open it (the caller counts the wrong try).
     */
    Optional<byte[]> signAsEnterprise(byte[] personallySigned, EnterpriseSignatory enterprise, String password, Instant at);

    /**
     * Phase one of a hardware-token signature: checks the token's certificate (issued by the
     * platform CA, valid now, naming this USCC; otherwise a {@link anguan.domain.common.DomainProblem}
     * 422 with a code) and returns the PDF with its empty signature placeholder and the digest to sign.
     */
    TokenSigning prepareForToken(byte[] personallySigned, EnterpriseSignatory enterprise, byte[] certificate, Instant at);

    /**
     * Phase two: checks the token's CMS against the session (messageDigest = the prepared digest,
     * signer = the prepared certificate, chain, USCC, validity; each refusal a 422 with its code)
     * and embeds it into the prepared PDF.
     */
    byte[] completeWithToken(byte[] preparedPdf, SigningSession session, byte[] cms, Instant now);

    /** Who signs as the applicant: the name printed, and the registry's signature image (PNG) or null for a name seal. */
    record PersonSignatory(String idNo, String name, byte[] signatureImage) {
        @Override
        public String toString() {
            return "PersonSignatory[" + name + "]";
        }
    }

    /**
     * The enterprise that signs.
     *
     * @param signingPasswordHash the registry's hash of its current 签章密码: a key sealed under an
     *                            older password is replaced by one sealed under this one
     */
    record EnterpriseSignatory(String uscc, String name, String signingPasswordHash) {
        @Override
        public String toString() {
            return "EnterpriseSignatory[" + uscc + "]";
        }
    }

    /** A prepared token signature: the PDF with the placeholder, the signed byte ranges and their SHA-256. */
    record TokenSigning(byte[] preparedPdf, long[] byteRange, byte[] digest) {
        @Override
        public String toString() {
            return "TokenSigning[" + preparedPdf.length + " bytes]";
        }
    }
}
