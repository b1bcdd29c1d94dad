package anguan.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The baseline the signing benchmark compares with: the same PAdES baseline-B signature made with
 * nothing but PDFBox's external-signing calls and BouncyCastle's CMS generator, the way their
 * documentation shows (no visible mark, no key store, no checks): what any PDF signer must at least
 * spend. Our overhead is our time over this one's.
 */
final class BareSigning {
    private BareSigning() {
    }

    /** Adds one detached CAdES signature as an incremental update. */
    static byte[] sign(byte[] pdf, PrivateKey key, X509Certificate certificate) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 20_000);
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setSignDate(Calendar.getInstance());
            options.setPreferredSignatureSize(8192);
            document.addSignature(signature, options);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            byte[] content;
            try (InputStream in = external.getContent()) {
                content = in.readAllBytes();
            }
            external.setSignature(cms(content, key, certificate));
        }
        return out.toByteArray();
    }

    /** The detached CMS over the signed byte ranges, as a hardware token would make it. */
    static byte[] cms(byte[] content, PrivateKey key, X509Certificate certificate) throws Exception {
        ESSCertIDv2 id = new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        AttributeTable attributes = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
        DefaultSignedAttributeTableGenerator generator = new DefaultSignedAttributeTableGenerator(attributes) {
            @Override
            @SuppressWarnings("rawtypes")
            public AttributeTable getAttributes(Map parameters) {
                return super.getAttributes(parameters).remove(CMSAttributes.signingTime);
            }
        };
        CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
        cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(generator)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), certificate));
        cms.addCertificates(new JcaCertStore(List.of(certificate)));
        return cms.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
    }
}
