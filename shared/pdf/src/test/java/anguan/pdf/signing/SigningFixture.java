package anguan.pdf.signing;

import anguan.domain.application.ApplicationType;
import anguan.domain.enterprise.SigningPassword;
import anguan.domain.signing.FormSigner.EnterpriseSignatory;
import anguan.domain.signing.FormSigner.PersonSignatory;
import anguan.pdf.ca.KeyEncryptionKey;
import anguan.pdf.ca.PlatformCa;
import anguan.pdf.form.ApplicationForm;
import anguan.pdf.form.SampleApplications;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/** One platform (CA, KEK, pepper), one rendered 申请表 and its two signers, for the signing tests. */
final class SigningFixture {
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final PlatformCa CA = PlatformCa.create("安管平台测试CA", NOW.minus(Duration.ofDays(365)));
    static final KeyEncryptionKey KEK = new KeyEncryptionKey(random(32));
    static final byte[] PEPPER = random(32);
    static final String PASSWORD = "签章密码2026";
    static final String PASSWORD_HASH = SigningPassword.hash(PASSWORD);
    static final PersonSignatory PERSON = new PersonSignatory(SampleApplications.ID_NO, SampleApplications.NAME, null);
    static final EnterpriseSignatory ENTERPRISE =
            new EnterpriseSignatory(SampleApplications.USCC, SampleApplications.ENTERPRISE, PASSWORD_HASH);
    /** The FIRST_ISSUE sample's 申请表 as 签名上报 renders it. */
    static final byte[] FORM = new ApplicationForm()
            .render(SampleApplications.of(ApplicationType.FIRST_ISSUE), SampleApplications.photo(), NOW).pdf();

    private SigningFixture() {
    }

    static PlatformFormSigner signer(InMemoryCredentials credentials) {
        return new PlatformFormSigner(CA, KEK, PEPPER, credentials);
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }
}
