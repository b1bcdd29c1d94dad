package anguan.pdf.signing;

import anguan.pdf.ca.BouncyCastle;
import anguan.pdf.ca.Credential;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The CMS side of a PAdES baseline-B signature: detached SignedData, SHA-256, signed attributes
 * content-type, message-digest and ESS signing-certificate-v2, and no signing-time (PAdES puts the
 * time in the signature dictionary's /M).
 */
final class Cms {
    private Cms() {
    }

    /** Signs the PDF's byte-range content with a key the platform holds. */
    static byte[] sign(byte[] signedContent, Credential credential) {
        try {
            X509Certificate certificate = credential.certificate();
            var signedAttributes = new DefaultSignedAttributeTableGenerator(signingCertificateV2(certificate)) {
                @Override
                public AttributeTable getAttributes(java.util.Map parameters) {
                    return super.getAttributes(parameters).remove(CMSAttributes.signingTime);
                }
            };
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(credential.privateKey());
            var signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes)
                    .build(signer, certificate);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(signedContent), false).getEncoded("DER");
        } catch (OperatorCreationException | CMSException | IOException | CertificateEncodingException e) {
            throw new IllegalStateException("building a CMS signature", e);
        }
    }

    static AttributeTable signingCertificateV2(X509Certificate certificate) throws CertificateEncodingException {
        var id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), sha256(certificate.getEncoded()),
                new IssuerSerial(new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                        certificate.getSerialNumber()));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(id))));
        return new AttributeTable(attributes);
    }

    /**
     * The SignedData in a signature's /Contents. The string is zero-padded to its reserved size, so
     * it is read as one DER object, ignoring what follows, rather than parsed whole.
     */
    static CMSSignedData parse(byte[] contents) throws CMSException, IOException {
        try (ASN1InputStream in = new ASN1InputStream(new ByteArrayInputStream(contents))) {
            var object = in.readObject();
            if (object == null) {
                throw new IOException("empty signature contents");
            }
            return new CMSSignedData(ContentInfo.getInstance(object));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException("not a CMS ContentInfo", e);
        }
    }

    /** The messageDigest signed attribute, or null. */
    static byte[] messageDigest(SignerInformation signer) {
        AttributeTable table = signer.getSignedAttributes();
        Attribute attribute = table == null ? null : table.get(CMSAttributes.messageDigest);
        return attribute == null ? null : ASN1OctetString.getInstance(attribute.getAttrValues().getObjectAt(0)).getOctets();
    }

    static boolean hasSigningTime(SignerInformation signer) {
        return signer.getSignedAttributes() != null && signer.getSignedAttributes().get(CMSAttributes.signingTime) != null;
    }

    /** Whether the signing-certificate-v2 attribute is present and names the certificate by its SHA-256 hash. */
    static boolean signingCertificateV2Names(SignerInformation signer, X509Certificate certificate) {
        AttributeTable table = signer.getSignedAttributes();
        Attribute attribute = table == null ? null : table.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return false;
        }
        try {
            ESSCertIDv2 first = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
            return NISTObjectIdentifiers.id_sha256.equals(first.getHashAlgorithm().getAlgorithm())
                    && MessageDigest.isEqual(first.getCertHash(), sha256(certificate.getEncoded()));
        } catch (RuntimeException | CertificateEncodingException e) {
            return false;
        }
    }

    /** The signer's certificate from the SignedData's certificates, or null. */
    static X509Certificate signerCertificate(CMSSignedData signedData, SignerInformation signer) {
        @SuppressWarnings("unchecked")
        var matches = signedData.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            return null;
        }
        try {
            return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                    .getCertificate((X509CertificateHolder) matches.iterator().next());
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** Whether the signature over the DER of the signed attributes verifies with the certificate's key. */
    static boolean signatureVerifies(SignerInformation signer, X509Certificate certificate) {
        try {
            SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(certificate);
            ContentVerifier content = verifier.getContentVerifier(signer.toASN1Structure().getDigestEncryptionAlgorithm(),
                    signer.getDigestAlgorithmID());
            content.getOutputStream().write(signer.getEncodedSignedAttributes());
            return content.verify(signer.getSignature());
        } catch (OperatorCreationException | IOException | RuntimeException e) {
            return false;
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
