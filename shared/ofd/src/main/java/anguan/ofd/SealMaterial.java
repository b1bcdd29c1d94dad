package anguan.ofd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * What the authority's electronic seal (GB/T 38540) is made of: its SM2 key pair, its SM2
 * certificate and the seal's picture (a PNG). In production the authority's seal comes from its
 * seal maker; {@link #create} makes a self-contained local one (a self-signed certificate naming
 * 上海市住房和城乡建设管理委员会 and a round red seal drawn here) so that the local runner and the
 * tests issue certificates that ofdrw's verifier accepts. {@link #serialise} and {@link #parse}
 * keep it as properties text (base64 values) in the local runner's data folder.
 *
 * <p>The private key is a secret: {@link #toString} names the certificate only, and no message
 * of this class carries the key or the text it was parsed from.
 */
public final class SealMaterial {

    /** 上海市住房和城乡建设管理委员会, the issuer of every certificate and the seal's owner. */
    public static final String AUTHORITY = "上海市住房和城乡建设管理委员会";

    /** The private key as PKCS#8 (what {@link #serialise} writes). */
    private final byte[] privateKeyInfo;
    /** The same key for BouncyCastle's lightweight SM2 signer: see {@link #sign}. */
    private final ECPrivateKeyParameters signingKey;
    private final X509Certificate certificate;
    private final byte[] sealImage;

    /**
     * BouncyCastle's JCA provider, only for making new material and for callers that want a JCA
     * key ({@link #privateKey}). Building it registers every BouncyCastle algorithm, about a
     * quarter of a second of a cold start, so the issuing function's path (parse, sign) never does.
     */
    static final class Jca {
        static final Provider BC = new BouncyCastleProvider();
    }

    /** Refuses a key pair that does not belong to the certificate: every seal it made would be invalid. */
    public SealMaterial(KeyPair keyPair, X509Certificate certificate, byte[] sealImage) {
        this(keyPair == null ? null : keyPair.getPrivate().getEncoded(), certificate, sealImage);
    }

    private SealMaterial(byte[] privateKeyInfo, X509Certificate certificate, byte[] sealImage) {
        if (privateKeyInfo == null || certificate == null || sealImage == null || sealImage.length == 0) {
            throw new IllegalArgumentException("seal material needs a key pair, a certificate and a seal image");
        }
        this.privateKeyInfo = privateKeyInfo.clone();
        this.signingKey = signingKey(privateKeyInfo);
        this.certificate = certificate;
        this.sealImage = sealImage.clone();
        requireMatchingKey();
    }

    /** A new local seal: a fresh SM2 key, a self-signed certificate valid from {@code now}, the drawn seal. */
    public static SealMaterial create(Instant now) {
        // in a class of its own: its certificate builder would otherwise be loaded with this class, on every cold start
        return LocalSeal.create(now);
    }

    /** Properties text: {@code privateKey} (PKCS#8), {@code certificate} (DER), {@code sealImage} (PNG), each base64. */
    public String serialise() {
        Base64.Encoder base64 = Base64.getEncoder();
        return "# anguan: the authority's SM2 electronic seal (GB/T 38540); the private key is a secret\n"
                + "privateKey=" + base64.encodeToString(privateKeyInfo) + "\n"
                + "certificate=" + base64.encodeToString(encoded()) + "\n"
                + "sealImage=" + base64.encodeToString(sealImage) + "\n";
    }

    /** The material {@link #serialise} wrote; an incomplete or damaged text is refused without quoting it. */
    public static SealMaterial parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text == null ? "" : text));
            Base64.Decoder base64 = Base64.getDecoder();
            // BouncyCastle's certificate factory itself, not through the JCA (which needs the whole provider; see Jca)
            X509Certificate certificate = (X509Certificate) new org.bouncycastle.jcajce.provider.asymmetric.x509.CertificateFactory()
                    .engineGenerateCertificate(new ByteArrayInputStream(base64.decode(required(properties, "certificate"))));
            byte[] privateKeyInfo = base64.decode(required(properties, "privateKey"));
            byte[] sealImage = base64.decode(required(properties, "sealImage"));
            return new SealMaterial(privateKeyInfo, certificate, sealImage);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // The cause's message could quote key material: name the problem, drop the cause.
            throw new IllegalArgumentException("the seal material is incomplete or damaged (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The private key as a JCA key (for ofdrw's own containers, as the OFD bench's bare baseline uses them). */
    public PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("EC", Jca.BC).generatePrivate(new PKCS8EncodedKeySpec(privateKeyInfo));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the seal's key cannot be opened (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * SM3withSM2 over {@code data} (GB/T 32918 with the default signer ID, r and s DER-encoded), what
     * BouncyCastle's JCA {@code SM3withSM2} makes, through its lightweight signer: the issuing
     * function seals without ever building the JCA provider.
     */
    public byte[] sign(byte[] data) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, signingKey);
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("the seal's key cannot sign (" + e.getClass().getSimpleName() + ")");
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public byte[] sealImage() {
        return sealImage.clone();
    }

    @Override
    public String toString() {
        return "SealMaterial[" + certificate.getSubjectX500Principal().getName() + ", serial " + certificate.getSerialNumber().toString(16)
                + ", until " + certificate.getNotAfter().toInstant() + "]";
    }

    private byte[] encoded() {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the seal certificate cannot be encoded", e);
        }
    }

    private void requireMatchingKey() {
        byte[] probe = "anguan seal key check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] signature = sign(probe);
        SM2Signer verifier = new SM2Signer();
        try {
            AsymmetricKeyParameter publicKey = PublicKeyFactory.createKey(
                    org.bouncycastle.asn1.x509.Certificate.getInstance(certificate.getEncoded()).getSubjectPublicKeyInfo());
            verifier.init(false, publicKey);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the seal's certificate has no SM2 key (" + e.getClass().getSimpleName() + ")");
        }
        verifier.update(probe, 0, probe.length);
        if (!verifier.verifySignature(signature)) {
            throw new IllegalArgumentException("the seal's private key does not belong to its certificate");
        }
    }

    private static ECPrivateKeyParameters signingKey(byte[] privateKeyInfo) {
        try {
            if (PrivateKeyFactory.createKey(privateKeyInfo) instanceof ECPrivateKeyParameters ec) {
                return ec;
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the seal's key cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        throw new IllegalArgumentException("the seal's key is not an SM2 key");
    }

    private static String required(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value.trim();
    }
}
