package anguan.pdf.signing;

import static anguan.pdf.signing.PadesSignerTest.CA;
import static anguan.pdf.signing.PadesSignerTest.NOW;
import static anguan.pdf.signing.PadesSignerTest.USCC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.pdf.ca.Credential;
import anguan.pdf.ca.PlatformCa;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardwareTokenSigningTest {
    private static final String NAME = "Shanghai Mou Construction Co.";
    private static final Credential TOKEN = CA.issueHardwareToken(NAME, USCC, NOW);
    private static final VisibleMark STAMP = VisibleMark.seal(350, 120, 150, 60, "Shanghai Mou", null);

    private final PadesSigner signer = new PadesSigner(CA);
    private final byte[] personSigned = PadesSignerTest.personSigned(signer);
    private final PreparedSignature prepared = signer.prepare(personSigned, TOKEN.certificate(), USCC, STAMP, NOW);

    private static HardwareToken token(Credential credential) {
        return new HardwareToken(credential.privateKey(), credential.certificate());
    }

    @Test
    void theDigestIsTheSha256OfThePreparedByteRanges() throws Exception {
        long[] range = prepared.byteRange();
        byte[] pdf = prepared.pdf();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(pdf, (int) range[0], (int) range[1]);
        sha256.update(pdf, (int) range[2], (int) range[3]);
        assertArrayEquals(sha256.digest(), prepared.digest());
        assertEquals(pdf.length, range[2] + range[3]);
    }

    @Test
    void aTokenSignatureOverThePreparedDigestCompletesAndBothSignaturesVerify() throws Exception {
        byte[] cms = token(TOKEN).sign(prepared.digest());

        byte[] signed = signer.complete(prepared, cms, NOW);

        List<VerifiedSignature> signatures = new SignatureVerifier(CA).verify(signed);
        assertEquals(2, signatures.size());
        assertTrue(signatures.get(0).valid(), signatures.get(0).toString());
        assertTrue(signatures.get(1).valid(), signatures.get(1).toString());
        assertTrue(signatures.get(1).coversWholeFile());
        assertTrue(signatures.get(1).signerSubject().contains("NTRCN-" + USCC));
        assertArrayEquals(personSigned, java.util.Arrays.copyOf(signed, personSigned.length));
    }

    @Test
    void aPreparedPdfAlteredInStorageIsNeverCompleted() throws Exception {
        byte[] altered = prepared.pdf();
        altered[10] ^= 1;
        var tampered = new PreparedSignature(altered, prepared.byteRange(), prepared.digest(), TOKEN.certificate(), USCC);
        byte[] cms = token(TOKEN).sign(prepared.digest());
        assertThrows(IllegalArgumentException.class, () -> signer.complete(tampered, cms, NOW));
    }

    @Test
    void garbageIsMalformed() {
        assertRefused(CmsRefusal.CMS_MALFORMED, "not a CMS".getBytes());
        assertRefused(CmsRefusal.CMS_MALFORMED, new byte[0]);
        assertRefused(CmsRefusal.CMS_MALFORMED, new byte[PadesSigner.RESERVED_CMS_BYTES + 1]);
    }

    @Test
    void aCmsThatEncapsulatesItsContentIsMalformed() throws Exception {
        assertRefused(CmsRefusal.CMS_MALFORMED, token(TOKEN).encapsulatingContent().sign(prepared.digest()));
    }

    @Test
    void aCmsWithASigningTimeAttributeIsMalformed() throws Exception {
        assertRefused(CmsRefusal.CMS_MALFORMED, token(TOKEN).withSigningTime().sign(prepared.digest()));
    }

    @Test
    void aCmsWithoutSigningCertificateV2IsMalformed() throws Exception {
        assertRefused(CmsRefusal.CMS_MALFORMED, token(TOKEN).withoutSigningCertificateV2().sign(prepared.digest()));
    }

    @Test
    void aTokenFromAnotherCaIsUntrusted() throws Exception {
        Credential foreign = PlatformCa.create("安管平台测试CA", NOW.minus(Duration.ofDays(1))).issueHardwareToken(NAME, USCC, NOW);
        PreparedSignature forForeign = signer.prepare(personSigned, foreign.certificate(), USCC, STAMP, NOW);
        assertRefused(forForeign, CmsRefusal.CMS_UNTRUSTED, token(foreign).sign(forForeign.digest()));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Credential expired = CA.issueEnterprise(NAME, USCC, NOW.minus(Duration.ofDays(20)), Duration.ofDays(10));
        PreparedSignature forExpired = signer.prepare(personSigned, expired.certificate(), USCC, STAMP, NOW);
        assertRefused(forExpired, CmsRefusal.CMS_EXPIRED, token(expired).sign(forExpired.digest()));
    }

    @Test
    void anotherEnterprisesTokenIsTheWrongEnterprise() throws Exception {
        Credential other = CA.issueHardwareToken("Other Co.", "91310000MA1FL0T30D", NOW);
        assertRefused(CmsRefusal.CMS_WRONG_ENTERPRISE, token(other).sign(prepared.digest()));
    }

    @Test
    void anotherCertificateOfTheSameEnterpriseIsASignerMismatch() throws Exception {
        Credential second = CA.issueHardwareToken(NAME, USCC, NOW);
        assertRefused(CmsRefusal.CMS_SIGNER_MISMATCH, token(second).sign(prepared.digest()));
    }

    @Test
    void aSignatureOverAnotherDigestIsADigestMismatch() throws Exception {
        byte[] otherDigest = MessageDigest.getInstance("SHA-256").digest("another document".getBytes());
        assertRefused(CmsRefusal.CMS_DIGEST_MISMATCH, token(TOKEN).sign(otherDigest));
    }

    @Test
    void aSignatureByAnotherKeyUnderTheTokensCertificateIsInvalid() throws Exception {
        Credential impostor = CA.issueHardwareToken(NAME, USCC, NOW);
        byte[] cms = new HardwareToken(impostor.privateKey(), TOKEN.certificate()).sign(prepared.digest());
        assertRefused(CmsRefusal.CMS_SIGNATURE_INVALID, cms);
    }

    private void assertRefused(CmsRefusal reason, byte[] cms) {
        assertRefused(prepared, reason, cms);
    }

    private void assertRefused(PreparedSignature to, CmsRefusal reason, byte[] cms) {
        byte[] before = to.pdf();
        CmsRefusedException refused = assertThrows(CmsRefusedException.class, () -> signer.complete(to, cms, NOW));
        assertEquals(reason, refused.reason(), refused.getMessage());
        assertArrayEquals(before, to.pdf(), "a refusal changes nothing");
        assertFalse(refused.getMessage().contains(USCC), "the detail does not echo the certificate");
    }
}
