package anguan.domain.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A two-phase (hardware token) enterprise signature between its prepare and its complete: the PDF
 * with the empty signature placeholder lies in the document store under {@code preparedKey}; the
 * digest is what the token must sign; the certificate is the token's, as given at prepare.
 *
 * @param applicationVersion the application's version at prepare: any change since voids the session
 */
public record SigningSession(String signingId, String applicationNo, String uscc, long applicationVersion,
                             String preparedKey, long[] byteRange, byte[] digest, byte[] certificate,
                             Instant createdAt, Instant expiresAt) {
    /** How long a token has to sign the digest. */
    public static final Duration VALID_FOR = Duration.ofMinutes(10);

    public SigningSession {
        Objects.requireNonNull(signingId, "signingId");
        byteRange = byteRange.clone();
        digest = digest.clone();
        certificate = certificate.clone();
    }

    @Override
    public long[] byteRange() {
        return byteRange.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public byte[] certificate() {
        return certificate.clone();
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningSession s && signingId.equals(s.signingId) && applicationNo.equals(s.applicationNo)
                && uscc.equals(s.uscc) && applicationVersion == s.applicationVersion && preparedKey.equals(s.preparedKey)
                && Arrays.equals(byteRange, s.byteRange) && Arrays.equals(digest, s.digest)
                && Arrays.equals(certificate, s.certificate) && createdAt.equals(s.createdAt) && expiresAt.equals(s.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signingId, applicationNo, applicationVersion);
    }

    @Override
    public String toString() {
        return "SigningSession[" + signingId + ", " + applicationNo + " v" + applicationVersion + ", digest="
                + HexFormat.of().formatHex(digest) + ", expiresAt=" + expiresAt + "]";
    }
}
