package anguan.pdf.signing;

import anguan.pdf.ca.Trust;
import java.time.Instant;

/**
 * One signature of a PDF as the verifier found it.
 *
 * @param field the signature field's name
 * @param revisionLength where the signed part ends: the length of the revision the signature covers (0 when unreadable)
 * @param signerSubject the signer certificate's subject (persons are pseudonymised: safe to log), or null when unreadable
 * @param signingTime the signature dictionary's /M, or null
 * @param digestMatches the SHA-256 over the byte ranges equals the CMS's messageDigest
 * @param cmsVerifies the digest matches and the signature over the signed attributes verifies
 * @param coversRevision the byte ranges start at 0, leave out exactly the /Contents string and end
 *        at the end of a revision (%%EOF): nothing of that revision is unsigned
 * @param coversWholeFile the signature's revision is the whole file: nothing was appended after it
 * @param trust the signer certificate against the platform CA, at the signing time
 * @param signingCertificateV2 the ESS signing-certificate-v2 attribute names the signer certificate
 * @param signingTimeAttribute a CMS signing-time attribute is present (PAdES baseline-B forbids one)
 */
public record VerifiedSignature(
        String field,
        long revisionLength,
        String signerSubject,
        Instant signingTime,
        boolean digestMatches,
        boolean cmsVerifies,
        boolean coversRevision,
        boolean coversWholeFile,
        Trust trust,
        boolean signingCertificateV2,
        boolean signingTimeAttribute) {

    /** Intact and from the platform CA: what "the person's signature still verifies" asks. */
    public boolean valid() {
        return cmsVerifies && coversRevision && trust == Trust.TRUSTED && signingCertificateV2 && !signingTimeAttribute;
    }
}
