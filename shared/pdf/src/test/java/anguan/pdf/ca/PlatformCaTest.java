package anguan.pdf.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformCaTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final String USCC = "91310000MA1FL0T22J";
    private static final byte[] PEPPER = "a pepper of sixteen bytes or more".getBytes();
    private final PlatformCa ca = PlatformCa.create("安管平台测试CA", NOW.minus(Duration.ofDays(365)));

    @Test
    void aPersonsCertificateNamesThePersonButNotTheIdNumber() throws Exception {
        String idNumber = "310101199001011234";
        Credential person = ca.issuePerson("张三", HolderPseudonym.of(idNumber, PEPPER), NOW);

        String subject = person.certificate().getSubjectX500Principal().getName();
        assertTrue(subject.contains("CN=张三"), subject);
        assertFalse(subject.contains(idNumber), subject);
        assertFalse(new String(person.certificate().getEncoded(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(idNumber));
        assertEquals(HolderPseudonym.of(" " + idNumber.toLowerCase() + " ", PEPPER), HolderPseudonym.of(idNumber, PEPPER));
        assertFalse(person.toString().contains("PRIVATE"), person.toString());
        assertEquals(Trust.TRUSTED, ca.trust(person.certificate(), NOW));
    }

    @Test
    void anIssuedCertificateSignsAndNeverCertifiesOthers() throws Exception {
        Credential enterprise = ca.issueEnterprise("上海某某建设有限公司", USCC, NOW);
        boolean[] usage = enterprise.certificate().getKeyUsage();
        assertTrue(usage[0], "digitalSignature");
        assertTrue(usage[1], "nonRepudiation");
        assertFalse(usage[5], "keyCertSign");
        assertEquals(-1, enterprise.certificate().getBasicConstraints());
        assertTrue(enterprise.certificate().getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.36", "1.3.6.1.5.5.7.3.4")));
        assertEquals(Duration.ofDays(3 * 365), Duration.between(enterprise.certificate().getNotBefore().toInstant(),
                enterprise.certificate().getNotAfter().toInstant()));
    }

    @Test
    void anEnterpriseCertificateNamesItsUsccInOrganizationIdentifier() {
        Credential enterprise = ca.issueEnterprise("上海某某建设有限公司", USCC, NOW);
        assertEquals(USCC, CertificateSubjects.usccOf(enterprise.certificate()).orElseThrow());
        assertEquals("上海某某建设有限公司", CertificateSubjects.nameOf(enterprise.certificate()).orElseThrow());
        Credential person = ca.issuePerson("张三", HolderPseudonym.of("310101199001011234", PEPPER), NOW);
        assertTrue(CertificateSubjects.usccOf(person.certificate()).isEmpty());
    }

    @Test
    void anInvalidUsccOrABlankNameIsNeverCertified() {
        assertThrows(IllegalArgumentException.class, () -> ca.issueEnterprise("上海某某建设有限公司", "91310000MA1FL0T22X", NOW));
        assertThrows(IllegalArgumentException.class, () -> ca.issueHardwareToken("上海某某建设有限公司", "9131", NOW));
        assertThrows(IllegalArgumentException.class, () -> ca.issueEnterprise(" ", USCC, NOW));
        assertThrows(IllegalArgumentException.class, () -> ca.issuePerson("", "PSN-00", NOW));
    }

    @Test
    void aHardwareTokensKeyIsHandedOutAndSignsForItsCertificate() throws Exception {
        Credential token = ca.issueHardwareToken("上海某某建设有限公司", USCC, NOW);
        var key = Keys.privateKey(token.privateKeyPkcs8());
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(token.certificate());
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(signature));
        assertEquals(USCC, CertificateSubjects.usccOf(token.certificate()).orElseThrow());
    }

    @Test
    void aCertificateFromAnotherCaIsUntrusted() {
        PlatformCa other = PlatformCa.create("安管平台测试CA", NOW);
        Credential foreign = other.issueEnterprise("上海某某建设有限公司", USCC, NOW);
        assertEquals(Trust.UNTRUSTED, ca.trust(foreign.certificate(), NOW));
        assertEquals(Trust.TRUSTED, other.trust(foreign.certificate(), NOW));
    }

    @Test
    void anExpiredCertificateIsRefusedAndAFutureOneIsNotYetValid() {
        Credential old = ca.issueEnterprise("上海某某建设有限公司", USCC, NOW.minus(Duration.ofDays(30)), Duration.ofDays(10));
        assertEquals(Trust.EXPIRED, ca.trust(old.certificate(), NOW));
        assertEquals(Trust.TRUSTED, ca.trust(old.certificate(), NOW.minus(Duration.ofDays(25))));
        Credential future = ca.issueEnterprise("上海某某建设有限公司", USCC, NOW.plus(Duration.ofDays(1)), Duration.ofDays(10));
        assertEquals(Trust.NOT_YET_VALID, ca.trust(future.certificate(), NOW));
    }

    @Test
    void theCaReopensFromItsCertificateAndKekSealedKey() throws Exception {
        KeyEncryptionKey kek = new KeyEncryptionKey(new byte[32]);
        PlatformCa reopened = PlatformCa.open(ca.certificate().getEncoded(), ca.sealedKey(kek), kek);
        Credential issued = reopened.issuePerson("李四", "PSN-00", NOW);
        assertEquals(Trust.TRUSTED, ca.trust(issued.certificate(), NOW));
        assertThrows(KeySealBrokenException.class,
                () -> PlatformCa.open(ca.certificate().getEncoded(), ca.sealedKey(kek), new KeyEncryptionKey(new byte[] {
                    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})));
        assertArrayEquals(ca.certificate().getEncoded(), reopened.certificate().getEncoded());
    }
}
