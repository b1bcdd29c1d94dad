package anguan.pdf.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate with its private key, in memory only between an unseal and a signature. Its
 * {@code toString} names the certificate's subject and never the key.
 */
public final class Credential {
    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    public Credential(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The PKCS#8 DER of the private key, unencrypted: only for a hardware token handed to its holder. */
    public byte[] privateKeyPkcs8() {
        return privateKey.getEncoded();
    }

    @Override
    public String toString() {
        return "Credential[" + certificate.getSubjectX500Principal().getName() + ", key hidden]";
    }
}
