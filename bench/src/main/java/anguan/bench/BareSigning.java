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
import anguan.pdf.font.FormFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
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
 * spend; and the same with the signer's name visible the plain PDFBox way (a font subset), which is
 * the work ours does. Our overhead is our time over these.
 */
final class BareSigning {
    private BareSigning() {
    }

    /** Adds one detached CAdES signature as an incremental update, invisible. */
    static byte[] sign(byte[] pdf, PrivateKey key, X509Certificate certificate) throws Exception {
        return sign(pdf, key, certificate, null);
    }

    /**
     * As {@link #sign}, with the signer's name visible in a box at 签字, set the way PDFBox's own
     * examples set a visible signature's text: the CJK font embedded as a subset of the glyphs shown.
     */
    static byte[] signVisible(byte[] pdf, PrivateKey key, X509Certificate certificate, String name) throws Exception {
        return sign(pdf, key, certificate, name);
    }

    private static byte[] sign(byte[] pdf, PrivateKey key, X509Certificate certificate, String visibleName) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 20_000);
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setSignDate(Calendar.getInstance());
            options.setPreferredSignatureSize(8192);
            options.setPage(0);
            document.addSignature(signature, options);
            if (visibleName != null) {
                appearance(document, signature, visibleName);
            }
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            byte[] content;
            try (InputStream in = external.getContent()) {
                content = in.readAllBytes();
            }
            external.setSignature(cms(content, key, certificate));
        }
        return out.toByteArray();
    }

    private static void appearance(PDDocument document, PDSignature signature, String name) throws IOException {
        PDAnnotationWidget widget = null;
        for (PDField field : document.getDocumentCatalog().getAcroForm().getFieldTree()) {
            if (field instanceof PDSignatureField f && f.getSignature() != null && f.getSignature().getCOSObject() == signature.getCOSObject()) {
                widget = f.getWidgets().getFirst();
            }
        }
        PDRectangle box = new PDRectangle(390.28f, 210, 150, 50);
        widget.setRectangle(box);
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle(box.getWidth(), box.getHeight()));
        stream.setResources(new PDResources());
        try (PDPageContentStream content = new PDPageContentStream(document, stream)) {
            content.setStrokingColor(0.78f, 0.06f, 0.18f);
            content.setNonStrokingColor(0.78f, 0.06f, 0.18f);
            content.addRect(2, 2, box.getWidth() - 4, box.getHeight() - 4);
            content.stroke();
            content.beginText();
            content.setFont(PDType0Font.load(document, FormFont.parsed(), true), 24);
            content.newLineAtOffset(20, 16);
            content.showText(name);
            content.endText();
        }
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(stream);
        widget.setAppearance(appearance);
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
