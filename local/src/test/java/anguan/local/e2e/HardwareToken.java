package anguan.local.e2e;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An enterprise's 一证通 hardware token as a client drives it: it holds a key and its certificate and
 * signs a digest it is handed, never the PDF, as a detached CMS SignedData whose signed attributes
 * carry that digest as messageDigest and the certificate's signing-certificate-v2, without a
 * signing-time (PAdES). Written against BouncyCastle directly, apart from the platform's CMS code.
 */
record HardwareToken(PrivateKey key, X509Certificate certificate) {

    /** From {@code POST /dev/hardware-tokens}: base64 DER X.509 and base64 DER PKCS#8. */
    static HardwareToken of(String certificateBase64, String privateKeyBase64) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certificateBase64)));
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64)));
            return new HardwareToken(key, certificate);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the local CA's token does not parse", e);
        }
    }

    /**
     * A token nobody trusts: a fresh key and a self-signed certificate that names the enterprise
     * exactly as the platform's would ({@code organizationIdentifier=NTRCN-<USCC>}).
     */
    static HardwareToken untrusted(String uscc) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=上海浦江建设工程有限公司, O=上海浦江建设工程有限公司, 2.5.4.97=NTRCN-" + uscc);
            Instant now = Instant.now();
            var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            return new HardwareToken(pair.getPrivate(), new JcaX509CertificateConverter().getCertificate(holder));
        } catch (Exception e) {
            throw new IllegalStateException("a self-signed token could not be made", e);
        }
    }

    String certificateBase64() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The CMS over {@code digest} (the SHA-256 that prepare answered). A token has only the digest:
     * BouncyCastle digests the absent content as usual, and the signed attributes are then made to
     * carry the digest handed over as messageDigest (and no signing-time) before they are signed.
     */
    byte[] sign(byte[] digest) {
        try {
            byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            AttributeTable essential = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(certificateHash)))));
            CMSAttributeTableGenerator overDigest = parameters -> new DefaultSignedAttributeTableGenerator(essential)
                    .getAttributes(parameters).remove(CMSAttributes.signingTime).remove(CMSAttributes.messageDigest)
                    .add(CMSAttributes.messageDigest, new DEROctetString(digest));
            CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
            cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(overDigest)
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), certificate));
            cms.addCertificates(new JcaCertStore(List.of(certificate)));
            return cms.generate(new CMSAbsentContent(), false).getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException("the token could not sign", e);
        }
    }

    @Override
    public String toString() {
        return "HardwareToken[" + certificate.getSubjectX500Principal() + "]";
    }
}
