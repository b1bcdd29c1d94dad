package anguan.domain.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * A signer's certificate and sealed private key as the platform keeps them. The domain never opens
 * the key: the PDF adapter seals and unseals it (a person's with the key-encryption key, an
 * enterprise's with its 签章密码).
 *
 * @param owner      {@code PERSON#<pseudonym>} or {@code ENTERPRISE#<uscc>}
 * @param certificate DER X.509
 * @param sealedKey  the private key, sealed
 * @param sealedFor  for an enterprise, the registry's password hash the key was sealed under (a
 *                   changed password means a new key); null for a person
 */
public record StoredCredential(String owner, byte[] certificate, byte[] sealedKey, String sealedFor, Instant issuedAt) {
    public StoredCredential {
        Objects.requireNonNull(owner, "owner");
        certificate = certificate.clone();
        sealedKey = sealedKey.clone();
    }

    @Override
    public byte[] certificate() {
        return certificate.clone();
    }

    @Override
    public byte[] sealedKey() {
        return sealedKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredCredential c && owner.equals(c.owner) && java.util.Arrays.equals(certificate, c.certificate)
                && java.util.Arrays.equals(sealedKey, c.sealedKey) && Objects.equals(sealedFor, c.sealedFor)
                && Objects.equals(issuedAt, c.issuedAt);
    }

    @Override
    public int hashCode() {
        return owner.hashCode();
    }

    @Override
    public String toString() {
        return "StoredCredential[" + owner + ", issuedAt=" + issuedAt + "]";
    }
}
