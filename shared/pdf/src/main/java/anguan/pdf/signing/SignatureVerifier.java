package anguan.pdf.signing;

import anguan.pdf.ca.CertificateSubjects;
import anguan.pdf.ca.PlatformCa;
import anguan.pdf.ca.Trust;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/** Lists every signature of a PDF with what holds of it; never throws for a broken signature. */
public final class SignatureVerifier {
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final PlatformCa ca;

    public SignatureVerifier(PlatformCa ca) {
        this.ca = Objects.requireNonNull(ca, "ca");
    }

    /**
     * The signatures in the order they were made (by the revision each covers); an unreadable PDF
     * is an {@link IOException}.
     */
    public List<VerifiedSignature> verify(byte[] pdf) throws IOException {
        List<VerifiedSignature> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var form = document.getDocumentCatalog().getAcroForm();
            if (form == null) {
                return found;
            }
            for (PDField field : form.getFieldTree()) {
                if (field instanceof PDSignatureField signatureField && signatureField.getSignature() != null) {
                    found.add(verify(pdf, field.getFullyQualifiedName(), signatureField.getSignature()));
                }
            }
        }
        found.sort(Comparator.comparingLong(VerifiedSignature::revisionLength));
        return found;
    }

    private VerifiedSignature verify(byte[] pdf, String field, PDSignature signature) {
        Instant signingTime = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        int[] range = signature.getByteRange();
        boolean rangeInFile = range.length == 4 && range[0] >= 0 && range[1] >= 0 && range[2] >= range[0] + range[1]
                && range[3] >= 0 && (long) range[2] + range[3] <= pdf.length;
        if (!rangeInFile) {
            return broken(field, signingTime);
        }
        long[] longRange = {range[0], range[1], range[2], range[3]};
        long end = (long) range[2] + range[3];
        boolean coversRevision = range[0] == 0 && contentsExactlyFillTheGap(pdf, range) && endsARevision(pdf, (int) end);
        CMSSignedData signedData;
        try {
            signedData = Cms.parse(signature.getContents());
        } catch (Exception e) {
            return broken(field, signingTime);
        }
        if (signedData.getSignerInfos().size() != 1) {
            return broken(field, signingTime);
        }
        SignerInformation signer = signedData.getSignerInfos().iterator().next();
        X509Certificate certificate = Cms.signerCertificate(signedData, signer);
        byte[] messageDigest = Cms.messageDigest(signer);
        boolean digestMatches = messageDigest != null
                && MessageDigest.isEqual(messageDigest, Cms.sha256(PadesSigner.signedContent(pdf, longRange)));
        boolean signatureVerifies = certificate != null && Cms.signatureVerifies(signer, certificate);
        Trust trust = certificate == null ? Trust.UNTRUSTED : ca.trust(certificate, signingTime == null ? Instant.now() : signingTime);
        return new VerifiedSignature(field,
                end,
                certificate == null ? null : CertificateSubjects.describe(certificate),
                signingTime,
                digestMatches,
                digestMatches && signatureVerifies,
                coversRevision,
                end == pdf.length,
                trust,
                certificate != null && Cms.signingCertificateV2Names(signer, certificate),
                Cms.hasSigningTime(signer));
    }

    private static VerifiedSignature broken(String field, Instant signingTime) {
        return new VerifiedSignature(field, 0, null, signingTime, false, false, false, false, Trust.UNTRUSTED, false, false);
    }

    /** The unsigned gap is exactly one hex string, {@code <...>}: nothing else escapes the signature. */
    private static boolean contentsExactlyFillTheGap(byte[] pdf, int[] range) {
        int start = range[0] + range[1];
        int end = range[2] - 1;
        if (pdf[start] != '<' || pdf[end] != '>') {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The signed part ends with %%EOF and at most an end-of-line: the end of an (incremental) revision. */
    private static boolean endsARevision(byte[] pdf, int end) {
        int i = end;
        while (i > 0 && (pdf[i - 1] == '\n' || pdf[i - 1] == '\r') && end - i < 2) {
            i--;
        }
        if (i < EOF_MARKER.length) {
            return false;
        }
        for (int k = 0; k < EOF_MARKER.length; k++) {
            if (pdf[i - EOF_MARKER.length + k] != EOF_MARKER[k]) {
                return false;
            }
        }
        return true;
    }
}
