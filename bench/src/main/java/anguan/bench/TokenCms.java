package anguan.bench;

import anguan.pdf.ca.Credential;
import java.security.MessageDigest;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** What a hardware token answers for a prepared digest: a detached CMS whose messageDigest is that digest. */
final class TokenCms {
    private TokenCms() {
    }

    static byte[] over(byte[] digest, Credential token) {
        try {
            byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(token.certificate().getEncoded());
            AttributeTable v2 = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(certificateHash)))));
            // the token never sees the PDF: the digest it is handed replaces the one of the absent content
            CMSAttributeTableGenerator attributes = parameters -> new DefaultSignedAttributeTableGenerator(v2).getAttributes(parameters)
                    .remove(CMSAttributes.signingTime).remove(CMSAttributes.messageDigest)
                    .add(CMSAttributes.messageDigest, new DEROctetString(digest));
            CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
            cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(attributes)
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(token.privateKey()), token.certificate()));
            cms.addCertificates(new JcaCertStore(List.of(token.certificate())));
            return cms.generate(new CMSAbsentContent(), false).getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException("the bench's token could not sign", e);
        }
    }
}
