package anguan.ofd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Properties;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

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

    static final Provider BC = new BouncyCastleProvider();

    private static final String SIGNATURE_ALGORITHM = "SM3withSM2";

    /** A local seal's certificate outlives any certificate it seals in tests and demos. */
    private static final Duration LOCAL_VALIDITY = Duration.ofDays(10 * 366);

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final byte[] sealImage;

    /** Refuses a key pair that does not belong to the certificate: every seal it made would be invalid. */
    public SealMaterial(KeyPair keyPair, X509Certificate certificate, byte[] sealImage) {
        if (keyPair == null || certificate == null || sealImage == null || sealImage.length == 0) {
            throw new IllegalArgumentException("seal material needs a key pair, a certificate and a seal image");
        }
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.sealImage = sealImage.clone();
        requireMatchingKey();
    }

    /** A new local seal: a fresh SM2 key, a self-signed certificate valid from {@code now}, the drawn seal. */
    public static SealMaterial create(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "CN")
                    .addRDN(BCStyle.O, AUTHORITY)
                    .addRDN(BCStyle.CN, AUTHORITY + "电子印章")
                    .build();
            BigInteger serial = new BigInteger(64, new SecureRandom()).setBit(63);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(LOCAL_VALIDITY)), subject, keyPair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(BC).build(keyPair.getPrivate())));
            return new SealMaterial(keyPair, certificate, SealImage.png(AUTHORITY));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("a local SM2 seal cannot be made", e);
        }
    }

    /** Properties text: {@code privateKey} (PKCS#8), {@code certificate} (DER), {@code sealImage} (PNG), each base64. */
    public String serialise() {
        Base64.Encoder base64 = Base64.getEncoder();
        return "# anguan: the authority's SM2 electronic seal (GB/T 38540); the private key is a secret\n"
                + "privateKey=" + base64.encodeToString(keyPair.getPrivate().getEncoded()) + "\n"
                + "certificate=" + base64.encodeToString(encoded()) + "\n"
                + "sealImage=" + base64.encodeToString(sealImage) + "\n";
    }

    /** The material {@link #serialise} wrote; an incomplete or damaged text is refused without quoting it. */
    public static SealMaterial parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text == null ? "" : text));
            Base64.Decoder base64 = Base64.getDecoder();
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509", BC)
                    .generateCertificate(new ByteArrayInputStream(base64.decode(required(properties, "certificate"))));
            PrivateKey privateKey = KeyFactory.getInstance("EC", BC)
                    .generatePrivate(new PKCS8EncodedKeySpec(base64.decode(required(properties, "privateKey"))));
            byte[] sealImage = base64.decode(required(properties, "sealImage"));
            return new SealMaterial(new KeyPair(certificate.getPublicKey(), privateKey), certificate, sealImage);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            // The cause's message could quote key material: name the problem, drop the cause.
            throw new IllegalArgumentException("the seal material is incomplete or damaged (" + e.getClass().getSimpleName() + ")");
        }
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
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
        try {
            byte[] probe = "anguan seal key check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM, BC);
            signer.initSign(keyPair.getPrivate());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM, BC);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException("the seal's private key does not belong to its certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the seal's key is not an SM2 key (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String required(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value.trim();
    }
}
