package anguan.ofd;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a self-contained local seal ({@link SealMaterial#create}): a fresh SM2 key, a self-signed
 * certificate naming 上海市住房和城乡建设管理委员会 and the drawn seal picture. Apart from
 * SealMaterial so that the issuing function, which only parses its seal, never loads the
 * certificate builder and BouncyCastle's JCA provider.
 */
final class LocalSeal {
    /** A local seal's certificate outlives any certificate it seals in tests and demos. */
    private static final Duration VALIDITY = Duration.ofDays(10 * 366);

    private LocalSeal() {
    }

    static SealMaterial create(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", SealMaterial.Jca.BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "CN")
                    .addRDN(BCStyle.O, SealMaterial.AUTHORITY)
                    .addRDN(BCStyle.CN, SealMaterial.AUTHORITY + "电子印章")
                    .build();
            BigInteger serial = new BigInteger(64, new SecureRandom()).setBit(63);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, keyPair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(SealMaterial.Jca.BC).getCertificate(
                    builder.build(new JcaContentSignerBuilder("SM3withSM2").setProvider(SealMaterial.Jca.BC).build(keyPair.getPrivate())));
            return new SealMaterial(keyPair, certificate, SealImage.png(SealMaterial.AUTHORITY));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("a local SM2 seal cannot be made", e);
        }
    }
}
