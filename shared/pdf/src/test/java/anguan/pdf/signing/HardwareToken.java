package anguan.pdf.signing;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What a hardware token does with the prepared digest, built independently of the platform's own
 * CMS code: it never sees the PDF, only the digest, and signs signed attributes carrying it. Each
 * knob builds the CMS wrong in one way.
 */
final class HardwareToken {
    private final PrivateKey key;
    private final X509Certificate certificate;
    private boolean signingTime;
    private boolean encapsulate;
    private boolean signingCertificateV2 = true;

    HardwareToken(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    HardwareToken withSigningTime() {
        signingTime = true;
        return this;
    }

    HardwareToken encapsulatingContent() {
        encapsulate = true;
        return this;
    }

    HardwareToken withoutSigningCertificateV2() {
        signingCertificateV2 = false;
        return this;
    }

    byte[] sign(byte[] digest) throws Exception {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        if (signingCertificateV2) {
            byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(certificateHash)))));
        }
        boolean keepSigningTime = signingTime;
        var table = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)) {
            @Override
            public AttributeTable getAttributes(Map parameters) {
                AttributeTable all = super.getAttributes(parameters);
                return keepSigningTime ? all : all.remove(CMSAttributes.signingTime);
            }
        };
        var signerInfo = new JcaSignerInfoGeneratorBuilder(presetDigest(digest))
                .setSignedAttributeGenerator(table)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), certificate);
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(signerInfo);
        generator.addCertificates(new JcaCertStore(List.of(certificate)));
        var content = encapsulate ? new CMSProcessableByteArray("the document".getBytes()) : new CMSAbsentContent();
        return generator.generate(content, encapsulate).getEncoded("DER");
    }

    /** A digest calculator that hands back the digest the platform prepared, as a token's driver does. */
    private static DigestCalculatorProvider presetDigest(byte[] digest) {
        return algorithm -> new DigestCalculator() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
            }

            @Override
            public OutputStream getOutputStream() {
                return OutputStream.nullOutputStream();
            }

            @Override
            public byte[] getDigest() {
                return digest.clone();
            }
        };
    }
}
