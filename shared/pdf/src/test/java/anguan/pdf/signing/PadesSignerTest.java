package anguan.pdf.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.pdf.ca.Credential;
import anguan.pdf.ca.HolderPseudonym;
import anguan.pdf.ca.PlatformCa;
import anguan.pdf.ca.Trust;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;

class PadesSignerTest {
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static final String USCC = "91310000MA1FL0T22J";
    static final PlatformCa CA = PlatformCa.create("安管平台测试CA", NOW.minus(Duration.ofDays(365)));
    static final Credential PERSON = CA.issuePerson("Zhang San", HolderPseudonym.of("310101199001011234", "pepper-of-sixteen-bytes".getBytes()), NOW);
    static final Credential ENTERPRISE = CA.issueEnterprise("Shanghai Mou Construction Co.", USCC, NOW);

    private final PadesSigner signer = new PadesSigner(CA);
    private final SignatureVerifier verifier = new SignatureVerifier(CA);

    static byte[] personSigned(PadesSigner signer) {
        return signer.sign(TestPdfs.form(20), PERSON, VisibleMark.seal(100, 120, 120, 40, "Zhang San", TestPdfs.fontOrNull()), NOW);
    }

    /**
     * Two signatures, both valid: the second an incremental update of {@code once}, the first
     * covering exactly the revision {@code once} was, so nothing appended can change what the person signed.
     */
    static List<VerifiedSignature> assertSignedTwice(SignatureVerifier verifier, byte[] once, byte[] twice) throws java.io.IOException {
        assertArrayEquals(once, java.util.Arrays.copyOf(twice, once.length), "the second signature is an incremental update");
        List<VerifiedSignature> signatures = verifier.verify(twice);
        assertEquals(2, signatures.size());
        assertTrue(signatures.get(0).valid(), signatures.get(0).toString());
        assertTrue(signatures.get(1).valid(), signatures.get(1).toString());
        assertEquals(once.length, signatures.get(0).revisionLength(), "the first signature covers only its own revision");
        assertTrue(signatures.get(0).coversRevision());
        assertFalse(signatures.get(0).coversWholeFile(), "the first signature is of an earlier revision");
        assertTrue(signatures.get(1).coversWholeFile());
        return signatures;
    }

    @Test
    void thePersonsAndThenTheEnterprisesSignatureBothVerify() throws Exception {
        byte[] once = personSigned(signer);
        byte[] twice = signer.sign(once, ENTERPRISE, VisibleMark.image(350, 120, 150, 60, TestPdfs.signaturePng(), "Shanghai Mou"),
                NOW.plusSeconds(60));

        List<VerifiedSignature> signatures = assertSignedTwice(verifier, once, twice);
        VerifiedSignature person = signatures.get(0);
        VerifiedSignature enterprise = signatures.get(1);
        assertTrue(person.signerSubject().contains("CN=Zhang San"), person.signerSubject());
        assertTrue(enterprise.signerSubject().contains("NTRCN-" + USCC), enterprise.signerSubject());
        assertEquals(NOW, person.signingTime());
        assertEquals(NOW.plusSeconds(60), enterprise.signingTime());
    }

    @Test
    void aSignatureIsPadesBaselineBWithoutASigningTimeAttribute() throws Exception {
        byte[] signed = personSigned(signer);

        VerifiedSignature signature = verifier.verify(signed).getFirst();
        assertTrue(signature.signingCertificateV2(), "ESS signing-certificate-v2 names the signer");
        assertFalse(signature.signingTimeAttribute(), "the time is /M, not a CMS attribute");
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature dictionary = document.getLastSignatureDictionary();
            assertEquals("ETSI.CAdES.detached", dictionary.getSubFilter());
            assertEquals("Adobe.PPKLite", dictionary.getFilter());
            assertEquals(NOW, dictionary.getSignDate().toInstant());
        }
    }

    @Test
    void theMarkSitsInTheGivenRectangleOnPageOneWithAnAppearance() throws Exception {
        byte[] signed = personSigned(signer);

        try (PDDocument document = Loader.loadPDF(signed)) {
            var field = (PDSignatureField) document.getSignatureFields().getFirst();
            PDAnnotationWidget widget = field.getWidgets().getFirst();
            assertEquals(100, widget.getRectangle().getLowerLeftX(), 0.01);
            assertEquals(120, widget.getRectangle().getLowerLeftY(), 0.01);
            assertEquals(120, widget.getRectangle().getWidth(), 0.01);
            assertEquals(40, widget.getRectangle().getHeight(), 0.01);
            assertTrue(document.getPage(0).getAnnotations().stream().anyMatch(a -> a.getCOSObject() == widget.getCOSObject()));
            var appearance = widget.getAppearance().getNormalAppearance().getAppearanceStream();
            String drawn = new String(appearance.getContents().readAllBytes());
            assertTrue(drawn.contains(" c\n") && drawn.contains("\nf\n"), "the name is drawn as filled outlines");
        }
    }

    @Test
    void aByteChangedInsideASignedRangeFailsThatSignatureOnly() throws Exception {
        byte[] once = personSigned(signer);
        byte[] twice = signer.sign(once, ENTERPRISE, VisibleMark.seal(350, 120, 150, 60, "Shanghai Mou", null), NOW);

        byte[] inFirstRevision = twice.clone();
        int inFirstObject = indexOf(inFirstRevision, "1 0 obj") + 2;
        inFirstRevision[inFirstObject] ^= 0x01;
        List<VerifiedSignature> both = verifier.verify(inFirstRevision);
        assertFalse(both.get(0).digestMatches());
        assertFalse(both.get(0).cmsVerifies());
        assertFalse(both.get(1).cmsVerifies(), "the enterprise's range covers the first revision too");

        byte[] inSecondRevision = twice.clone();
        int enterpriseName = indexOf(inSecondRevision, "(Shanghai Mou)");
        assertTrue(enterpriseName > once.length, "the enterprise's /Name is in the second revision");
        inSecondRevision[enterpriseName + "(Shanghai Mo".length()] = 'v';
        List<VerifiedSignature> onlySecond = verifier.verify(inSecondRevision);
        assertTrue(onlySecond.get(0).valid(), onlySecond.get(0).toString());
        assertFalse(onlySecond.get(1).digestMatches());
        assertFalse(onlySecond.get(1).valid());
    }

    @Test
    void aSignatureFromAnotherCaVerifiesButIsUntrusted() throws Exception {
        PlatformCa other = PlatformCa.create("安管平台测试CA", NOW.minus(Duration.ofDays(1)));
        byte[] signed = new PadesSigner(other).sign(TestPdfs.form(3), other.issuePerson("Li Si", "PSN-1", NOW),
                VisibleMark.seal(100, 100, 100, 40, "Li Si", null), NOW);

        VerifiedSignature signature = verifier.verify(signed).getFirst();
        assertTrue(signature.cmsVerifies());
        assertEquals(Trust.UNTRUSTED, signature.trust());
        assertFalse(signature.valid());
    }

    @Test
    void aChineseNameWithoutAFontIsRefusedBeforeAnythingIsDrawn() {
        var refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> VisibleMark.seal(100, 100, 100, 40, "张三", null));
        assertTrue(refused.getMessage().contains("font"), refused.getMessage());
        VisibleMark.image(100, 100, 100, 40, TestPdfs.signaturePng(), "张三");
    }

    @Test
    void aChineseNameIsCutFromTheBundledFontsOutlinesEmbeddingNoFontAndTheSignatureStillVerifies() throws Exception {
        byte[] signed = signer.sign(TestPdfs.form(2), PERSON, VisibleMark.seal(100, 120, 120, 40, "欧阳晓燕", SealFont.bundled()), NOW);

        assertTrue(verifier.verify(signed).getFirst().valid());
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDAnnotationWidget widget = document.getSignatureFields().getFirst().getWidgets().getFirst();
            var appearance = widget.getAppearance().getNormalAppearance().getAppearanceStream();
            assertFalse(appearance.getResources().getFontNames().iterator().hasNext(), "a seal is a mark: no font in it");
            String drawn = new String(appearance.getContents().readAllBytes());
            // four characters of Noto Sans SC, each many curves
            assertTrue(drawn.split(" c\n").length > 40, "the outlines of the name: " + drawn.length() + " bytes");
        }
        int added = signed.length - TestPdfs.form(2).length;
        // the space reserved for the CMS (hex), the signature's objects, a few KB of compressed outlines
        assertTrue(added < 2 * PadesSigner.RESERVED_CMS_BYTES + 8_000, "a signature adds its CMS and a small mark: " + added + " bytes");
    }

    @Test
    void anUnsignedPdfHasNoSignatures() throws Exception {
        assertEquals(List.of(), verifier.verify(TestPdfs.form(2)));
    }

    static int indexOf(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= haystack.length - n.length; i++) {
            for (int k = 0; k < n.length; k++) {
                if (haystack[i + k] != n[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(needle + " not found");
    }
}
