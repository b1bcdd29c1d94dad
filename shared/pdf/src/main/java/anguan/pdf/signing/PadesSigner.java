package anguan.pdf.signing;

import anguan.pdf.ca.CertificateSubjects;
import anguan.pdf.ca.Credential;
import anguan.pdf.ca.PlatformCa;
import anguan.pdf.ca.Trust;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * PAdES baseline-B signatures (SubFilter ETSI.CAdES.detached) on page 1, each an incremental update
 * that leaves earlier signatures' bytes untouched. Two paths: {@link #sign} when the platform holds
 * the key (the person's, or the enterprise's opened with its signing password), and
 * {@link #prepare}/{@link #complete} for a hardware token that signs the digest outside.
 */
public final class PadesSigner {
    static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    /** Bytes reserved for the CMS: an EC P-256 signature with its certificate takes about 1.5 KB; a token may add a chain. */
    static final int RESERVED_CMS_BYTES = 8192;

    private final PlatformCa ca;

    public PadesSigner(PlatformCa ca) {
        this.ca = Objects.requireNonNull(ca, "ca");
    }

    /** Signs with a key the platform holds; the time goes in the signature dictionary's /M. */
    public byte[] sign(byte[] pdf, Credential signer, VisibleMark mark, Instant signingTime) {
        Placeholder placeholder = placeholder(pdf, mark, signingTime);
        return embed(placeholder.pdf(), placeholder.byteRange(), Cms.sign(signedContent(placeholder.pdf(), placeholder.byteRange()), signer));
    }

    /**
     * Phase one of a hardware-token signature: the PDF with an empty placeholder and the SHA-256 of
     * its signed byte ranges, which the token signs (as the messageDigest of its signed attributes).
     */
    public PreparedSignature prepare(byte[] pdf, X509Certificate tokenCertificate, String uscc, VisibleMark mark, Instant signingTime) {
        Placeholder placeholder = placeholder(pdf, mark, signingTime);
        byte[] digest = Cms.sha256(signedContent(placeholder.pdf(), placeholder.byteRange()));
        return new PreparedSignature(placeholder.pdf(), placeholder.byteRange(), digest, tokenCertificate, uscc);
    }

    /**
     * Phase two: checks the token's CMS SignedData (see {@link CmsRefusal} for each refusal, in
     * order) and embeds it. Nothing is written when it is refused.
     */
    public byte[] complete(PreparedSignature prepared, byte[] cms, Instant now) throws CmsRefusedException {
        // The prepared state may have been stored and read back: its digest must still be its PDF's.
        if (!MessageDigest.isEqual(prepared.digest(), Cms.sha256(signedContent(prepared.pdf(), prepared.byteRange())))) {
            throw new IllegalArgumentException("the prepared PDF does not match its digest");
        }
        check(prepared, cms, now);
        return embed(prepared.pdf(), prepared.byteRange(), cms);
    }

    private void check(PreparedSignature prepared, byte[] cms, Instant now) throws CmsRefusedException {
        if (cms == null || 2L * cms.length > prepared.byteRange()[2] - prepared.byteRange()[1] - 2) {
            throw new CmsRefusedException(CmsRefusal.CMS_MALFORMED, "empty, or larger than the space reserved in the PDF");
        }
        CMSSignedData signedData;
        try {
            signedData = Cms.parse(cms);
        } catch (Exception e) {
            throw new CmsRefusedException(CmsRefusal.CMS_MALFORMED, "not a CMS SignedData");
        }
        if (signedData.getSignedContent() != null) {
            throw new CmsRefusedException(CmsRefusal.CMS_MALFORMED, "the SignedData encapsulates content; a PAdES signature is detached");
        }
        if (signedData.getSignerInfos().size() != 1) {
            throw new CmsRefusedException(CmsRefusal.CMS_MALFORMED, "not exactly one signer");
        }
        SignerInformation signer = signedData.getSignerInfos().iterator().next();
        byte[] messageDigest = Cms.messageDigest(signer);
        if (messageDigest == null) {
            throw new CmsRefusedException(CmsRefusal.CMS_MALFORMED, "no signed attributes with a messageDigest");
        }
        if (Cms.hasSigningTime(signer)) {
            throw new CmsRefusedException(CmsRefusal.CMS_MALFORMED, "a signing-time attribute (PAdES baseline-B forbids it)");
        }
        X509Certificate certificate = Cms.signerCertificate(signedData, signer);
        if (certificate == null) {
            throw new CmsRefusedException(CmsRefusal.CMS_MALFORMED, "the SignedData does not carry the signer's certificate");
        }
        if (!Cms.signingCertificateV2Names(signer, certificate)) {
            throw new CmsRefusedException(CmsRefusal.CMS_MALFORMED, "no signing-certificate-v2 naming the signer's certificate");
        }
        Trust trust = ca.trust(certificate, now);
        if (trust == Trust.UNTRUSTED) {
            throw new CmsRefusedException(CmsRefusal.CMS_UNTRUSTED, "the signer's certificate is not from the platform CA");
        }
        if (trust != Trust.TRUSTED) {
            throw new CmsRefusedException(CmsRefusal.CMS_EXPIRED, "the signer's certificate is " + trust);
        }
        if (!CertificateSubjects.usccOf(certificate).map(prepared.expectedUscc()::equals).orElse(false)) {
            throw new CmsRefusedException(CmsRefusal.CMS_WRONG_ENTERPRISE, "the signer's certificate names another enterprise");
        }
        if (!certificate.equals(prepared.expectedSigner())) {
            throw new CmsRefusedException(CmsRefusal.CMS_SIGNER_MISMATCH, "signed with another certificate than the token's");
        }
        if (!MessageDigest.isEqual(messageDigest, prepared.digest())) {
            throw new CmsRefusedException(CmsRefusal.CMS_DIGEST_MISMATCH, "the messageDigest is not the prepared digest");
        }
        if (!Cms.signatureVerifies(signer, certificate)) {
            throw new CmsRefusedException(CmsRefusal.CMS_SIGNATURE_INVALID, "the signature over the signed attributes does not verify");
        }
    }

    private record Placeholder(byte[] pdf, long[] byteRange) {
    }

    /** The PDF with a new signature field on page 1 whose /Contents is reserved and zero-filled. */
    private static Placeholder placeholder(byte[] pdf, VisibleMark mark, Instant signingTime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 4 * RESERVED_CMS_BYTES);
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setName(mark.name());
            Calendar time = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
            time.setTimeInMillis(signingTime.toEpochMilli());
            signature.setSignDate(time);
            options.setPreferredSignatureSize(RESERVED_CMS_BYTES);
            options.setPage(0);
            document.addSignature(signature, options);
            // addSignature gives a signature without a visual template an empty, zero-sized
            // widget; the mark replaces it before the incremental save writes it.
            SignatureAppearance.apply(document, field(document, signature).getWidgets().getFirst(), mark);
            document.saveIncrementalForExternalSigning(out).setSignature(new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("preparing the signature placeholder", e);
        }
        byte[] prepared = out.toByteArray();
        return new Placeholder(prepared, lastByteRange(prepared));
    }

    private static PDSignatureField field(PDDocument document, PDSignature signature) {
        for (PDField field : document.getDocumentCatalog().getAcroForm().getFieldTree()) {
            if (field instanceof PDSignatureField candidate && candidate.getSignature() != null
                    && candidate.getSignature().getCOSObject() == signature.getCOSObject()) {
                return candidate;
            }
        }
        throw new IllegalStateException("addSignature left no field for the signature");
    }

    private static final java.util.regex.Pattern BYTE_RANGE =
            java.util.regex.Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");

    /**
     * The byte range of the signature just written: the last {@code /ByteRange} of the file, in the
     * incremental update PDFBox has just appended. Read from the bytes rather than by parsing the
     * PDF again (which would cost as much as the signature itself); checked to span the file with
     * exactly the /Contents string between its two parts.
     */
    private static long[] lastByteRange(byte[] pdf) {
        int from = Math.max(0, pdf.length - 4 * RESERVED_CMS_BYTES - 65_536);
        java.util.regex.Matcher m = BYTE_RANGE.matcher(new String(pdf, from, pdf.length - from, StandardCharsets.ISO_8859_1));
        long[] last = null;
        while (m.find()) {
            last = new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
        }
        if (last == null || last[0] != 0 || last[2] + last[3] != pdf.length || last[1] >= last[2]
                || pdf[(int) last[1]] != '<' || pdf[(int) last[2] - 1] != '>') {
            throw new IllegalStateException("the placeholder's byte range does not end the file");
        }
        return last;
    }

    static byte[] signedContent(byte[] pdf, long[] range) {
        byte[] content = new byte[Math.toIntExact(range[1] + range[3])];
        System.arraycopy(pdf, (int) range[0], content, 0, (int) range[1]);
        System.arraycopy(pdf, (int) range[2], content, (int) range[1], (int) range[3]);
        return content;
    }

    /** Writes the CMS, hex, into the zero-filled /Contents string between the two ranges. */
    private static byte[] embed(byte[] prepared, long[] range, byte[] cms) {
        int start = Math.toIntExact(range[0] + range[1]);
        int end = Math.toIntExact(range[2]);
        if (prepared[start] != '<' || prepared[end - 1] != '>') {
            throw new IllegalStateException("the byte range's gap is not the /Contents string");
        }
        byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
        if (hex.length > end - start - 2) {
            throw new IllegalStateException("the CMS (" + cms.length + " bytes) exceeds the reserved space");
        }
        byte[] signed = prepared.clone();
        System.arraycopy(hex, 0, signed, start + 1, hex.length);
        return signed;
    }
}
