package anguan.pdf.signing;

import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A PDF with an empty signature placeholder, waiting for its CMS: what the platform keeps between
 * {@code prepare} and {@code complete} of a hardware-token signature (硬件证书签章). The digest is
 * SHA-256 over the two signed byte ranges of {@code pdf}; the expected signer is the token's
 * certificate the enterprise registered.
 */
public record PreparedSignature(byte[] pdf, long[] byteRange, byte[] digest, X509Certificate expectedSigner, String expectedUscc) {
    public PreparedSignature {
        Objects.requireNonNull(expectedSigner, "expectedSigner");
        Objects.requireNonNull(expectedUscc, "expectedUscc");
        pdf = pdf.clone();
        byteRange = byteRange.clone();
        digest = digest.clone();
        if (byteRange.length != 4) {
            throw new IllegalArgumentException("a byte range has four numbers");
        }
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    @Override
    public long[] byteRange() {
        return byteRange.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    public String digestHex() {
        return HexFormat.of().formatHex(digest);
    }

    @Override
    public String toString() {
        return "PreparedSignature[" + pdf.length + " bytes, sha256=" + digestHex() + "]";
    }
}
