package anguan.pdf.signing;

import static anguan.pdf.signing.SigningFixture.CA;
import static anguan.pdf.signing.SigningFixture.ENTERPRISE;
import static anguan.pdf.signing.SigningFixture.FORM;
import static anguan.pdf.signing.SigningFixture.NOW;
import static anguan.pdf.signing.SigningFixture.PERSON;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.common.DomainProblem;
import anguan.domain.signing.FormSigner.TokenSigning;
import anguan.domain.signing.SigningSession;
import anguan.pdf.ca.Credential;
import anguan.pdf.ca.PlatformCa;
import java.security.MessageDigest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The two-phase signature through the {@link anguan.domain.signing.FormSigner} port, as the enterprise-sign function drives it. */
class PlatformTokenSigningTest {
    private static final Credential TOKEN = CA.issueHardwareToken(ENTERPRISE.name(), ENTERPRISE.uscc(), NOW);
    private static final String OTHER_USCC = "91310000MA1FL0T30D";

    private final PlatformFormSigner signer = SigningFixture.signer(new InMemoryCredentials());
    private final byte[] personSigned = signer.signAsPerson(FORM, PERSON, NOW);

    @Test
    void aTokenSignsThePreparedDigestAndBothSignaturesVerify() throws Exception {
        TokenSigning prepared = signer.prepareForToken(personSigned, ENTERPRISE, der(TOKEN), NOW);

        byte[] signed = signer.completeWithToken(prepared.preparedPdf(), session(prepared, TOKEN), token(TOKEN).sign(prepared.digest()), NOW);

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long[] range = prepared.byteRange();
        sha256.update(prepared.preparedPdf(), (int) range[0], (int) range[1]);
        sha256.update(prepared.preparedPdf(), (int) range[2], (int) range[3]);
        assertArrayEquals(sha256.digest(), prepared.digest(), "the digest is the SHA-256 of the signed byte ranges");
        PadesSignerTest.assertSignedTwice(new SignatureVerifier(CA), personSigned, signed);
        assertEquals(TOKEN.certificate().getSerialNumber(), PlatformFormSignerTest.signerSerial(signed, 1));
        assertTrue(signer.hasValidPersonSignature(signed, PERSON.idNo()));
    }

    @Test
    void aCertificateThatIsNoCertificateIsMalformed() {
        assertRefused("CERTIFICATE_MALFORMED", () -> signer.prepareForToken(personSigned, ENTERPRISE, "garbage".getBytes(), NOW));
        assertRefused("CERTIFICATE_MALFORMED", () -> signer.prepareForToken(personSigned, ENTERPRISE, new byte[0], NOW));
        assertRefused("CERTIFICATE_MALFORMED", () -> signer.prepareForToken(personSigned, ENTERPRISE, null, NOW));
    }

    @Test
    void aTokenFromAnotherCaIsRefusedAtPrepare() {
        Credential foreign = PlatformCa.create("安管平台测试CA", NOW.minus(Duration.ofDays(1))).issueHardwareToken(ENTERPRISE.name(), ENTERPRISE.uscc(), NOW);
        assertRefused("CMS_UNTRUSTED", () -> signer.prepareForToken(personSigned, ENTERPRISE, der(foreign), NOW));
    }

    @Test
    void anotherEnterprisesTokenIsRefusedAtPrepare() {
        Credential other = CA.issueHardwareToken("上海另一家建设有限公司", OTHER_USCC, NOW);
        assertRefused("CMS_WRONG_ENTERPRISE", () -> signer.prepareForToken(personSigned, ENTERPRISE, der(other), NOW));
    }

    @Test
    void anExpiredOrNotYetValidTokenIsRefusedAtPrepare() {
        Credential expired = CA.issueEnterprise(ENTERPRISE.name(), ENTERPRISE.uscc(), NOW.minus(Duration.ofDays(20)), Duration.ofDays(10));
        Credential future = CA.issueEnterprise(ENTERPRISE.name(), ENTERPRISE.uscc(), NOW.plus(Duration.ofDays(2)), Duration.ofDays(10));
        assertRefused("CMS_EXPIRED", () -> signer.prepareForToken(personSigned, ENTERPRISE, der(expired), NOW));
        assertRefused("CMS_EXPIRED", () -> signer.prepareForToken(personSigned, ENTERPRISE, der(future), NOW));
    }

    @Test
    void aCmsOverAnotherDigestIsADigestMismatch() throws Exception {
        TokenSigning prepared = signer.prepareForToken(personSigned, ENTERPRISE, der(TOKEN), NOW);
        byte[] otherDigest = MessageDigest.getInstance("SHA-256").digest("another document".getBytes());
        byte[] cms = token(TOKEN).sign(otherDigest);
        assertRefused("CMS_DIGEST_MISMATCH", () -> signer.completeWithToken(prepared.preparedPdf(), session(prepared, TOKEN), cms, NOW));
    }

    @Test
    void anotherCertificateOfTheEnterpriseThanThePreparedOneIsASignerMismatch() throws Exception {
        TokenSigning prepared = signer.prepareForToken(personSigned, ENTERPRISE, der(TOKEN), NOW);
        Credential second = CA.issueHardwareToken(ENTERPRISE.name(), ENTERPRISE.uscc(), NOW);
        byte[] cms = token(second).sign(prepared.digest());
        assertRefused("CMS_SIGNER_MISMATCH", () -> signer.completeWithToken(prepared.preparedPdf(), session(prepared, TOKEN), cms, NOW));
    }

    @Test
    void aCmsFromAnUntrustedExpiredOrForeignSignerIsRefusedAtCompleteToo() throws Exception {
        TokenSigning prepared = signer.prepareForToken(personSigned, ENTERPRISE, der(TOKEN), NOW);
        SigningSession session = session(prepared, TOKEN);
        Credential foreign = PlatformCa.create("安管平台测试CA", NOW.minus(Duration.ofDays(1))).issueHardwareToken(ENTERPRISE.name(), ENTERPRISE.uscc(), NOW);
        Credential other = CA.issueHardwareToken("上海另一家建设有限公司", OTHER_USCC, NOW);
        Credential expired = CA.issueEnterprise(ENTERPRISE.name(), ENTERPRISE.uscc(), NOW.minus(Duration.ofDays(20)), Duration.ofDays(10));

        byte[] untrusted = token(foreign).sign(prepared.digest());
        byte[] wrongEnterprise = token(other).sign(prepared.digest());
        byte[] outOfDate = token(expired).sign(prepared.digest());
        assertRefused("CMS_UNTRUSTED", () -> signer.completeWithToken(prepared.preparedPdf(), session, untrusted, NOW));
        assertRefused("CMS_WRONG_ENTERPRISE", () -> signer.completeWithToken(prepared.preparedPdf(), session, wrongEnterprise, NOW));
        assertRefused("CMS_EXPIRED", () -> signer.completeWithToken(prepared.preparedPdf(), session, outOfDate, NOW));
        assertRefused("CMS_MALFORMED", () -> signer.completeWithToken(prepared.preparedPdf(), session, "not a cms".getBytes(), NOW));
        assertRefused("CMS_MALFORMED", () -> signer.completeWithToken(prepared.preparedPdf(), session,
                token(TOKEN).withSigningTime().sign(prepared.digest()), NOW));
    }

    @Test
    void aSignatureByAnotherKeyUnderTheTokensCertificateIsInvalid() throws Exception {
        TokenSigning prepared = signer.prepareForToken(personSigned, ENTERPRISE, der(TOKEN), NOW);
        Credential impostor = CA.issueHardwareToken(ENTERPRISE.name(), ENTERPRISE.uscc(), NOW);
        byte[] cms = new HardwareToken(impostor.privateKey(), TOKEN.certificate()).sign(prepared.digest());
        assertRefused("CMS_SIGNATURE_INVALID", () -> signer.completeWithToken(prepared.preparedPdf(), session(prepared, TOKEN), cms, NOW));
    }

    private static void assertRefused(String code, Executable call) {
        DomainProblem problem = assertThrows(DomainProblem.class, call);
        assertEquals(code, problem.code(), problem.getMessage());
        assertEquals(DomainProblem.Kind.VALIDATION_FAILED, problem.kind(), "a 422");
        assertTrue(problem.getMessage().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "a Chinese message: " + problem.getMessage());
        assertFalse(problem.getMessage().contains(ENTERPRISE.uscc()), "the message does not echo the certificate");
    }

    private static SigningSession session(TokenSigning prepared, Credential token) throws Exception {
        return new SigningSession("0123456789abcdef", "W2026120100001", ENTERPRISE.uscc(), 3, "applications/W2026120100001/signing/x.pdf",
                prepared.byteRange(), prepared.digest(), der(token), NOW, NOW.plus(SigningSession.VALID_FOR));
    }

    private static HardwareToken token(Credential credential) {
        return new HardwareToken(credential.privateKey(), credential.certificate());
    }

    private static byte[] der(Credential credential) {
        try {
            return credential.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
