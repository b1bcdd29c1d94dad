package anguan.domain.testing;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationChanges;
import anguan.domain.application.ApplicationService;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.NewApplication;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.enterprise.SigningPassword;
import anguan.domain.notification.Notice;
import anguan.domain.person.Employment;
import anguan.domain.person.ExamResult;
import anguan.domain.person.ExamType;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.person.Person;
import anguan.domain.signing.EnterpriseSigningService;
import anguan.domain.signing.PersonalSigningService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applications brought to the reviewers (UNDER_REVIEW) the real way, over the in-memory ports:
 * 签名上报, the person's SMS-code signature, the enterprise's 签章密码. For the tests of what comes
 * after 受理 (review, issuing), which need such applications but test none of the steps before.
 * Parties are registered straight into the store, as the feeds would have stored them.
 */
public final class SignedByBoth {
    /** Every enterprise registered here signs with this 签章密码. */
    public static final String PASSWORD = "Both-Signed-1";
    /** Hashed once: PBKDF2 is slow on purpose. */
    private static final String PASSWORD_HASH = SigningPassword.hash(PASSWORD);
    private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");

    private final InMemoryRegistry store;
    private final Clock clock;
    private final ApplicationService applications;
    private final PersonalSigningService personal;
    private final EnterpriseSigningService enterprise;

    public SignedByBoth(InMemoryRegistry store, Clock clock) {
        this.store = store;
        this.clock = clock;
        TextSignatures signatures = new TextSignatures();
        Random random = new Random(11);
        this.applications = new ApplicationService(store.applicationRepository(), store.claimRepository(), store,
                store.enterpriseRepository(), store.certificateRepository(), store, new TextForms(), store, clock);
        this.personal = new PersonalSigningService(store.applicationRepository(), store, store.enterpriseRepository(),
                store.smsChallengeRepository(), store.smsQuota(), signatures, store, store.noticeQueue(),
                "sms secret of SignedByBoth".getBytes(StandardCharsets.US_ASCII), random, clock);
        this.enterprise = new EnterpriseSigningService(store.applicationRepository(), store.enterpriseRepository(), store,
                store.signingLockRepository(), store.signingSessionRepository(), signatures, signatures, store,
                store.noticeQueue(), random, clock);
    }

    /** An enterprise that signs with {@link #PASSWORD}; {@code contactMobile} null: it is never told anything. */
    public void enterprise(String uscc, String name, String contactMobile) {
        store.save(new Enterprise(uscc, name, contactMobile, PASSWORD_HASH, clock.instant()));
    }

    /** A person with a registry photo, employed by {@code uscc} since 2020, with a passed initial exam of each category given. */
    public void person(String idNo, String name, Gender gender, String mobile, String uscc, LocalDate examDate, Category... exams) {
        String photo = "registry/photos/" + idNo + ".jpg";
        store.save(new Person(idNo, name, gender, LocalDate.of(1949, 12, 31), IdType.ID_CARD, mobile, photo, null, clock.instant()));
        store.put(photo, new byte[] {1, 2, 3}, "image/jpeg");
        store.saveEmployment(new Employment(idNo, uscc, LocalDate.of(2020, 1, 1), null));
        for (Category category : exams) {
            store.saveExam(new ExamResult(idNo, ExamType.INITIAL, category, examDate, true));
        }
    }

    /** A first issue filled in and submitted (签名上报): still the person's draft. */
    public Application submitted(String idNo, Category category, Position position) {
        Application draft = applications.create(idNo, new NewApplication(ApplicationType.FIRST_ISSUE, category, position, null, null, null));
        Application filled = applications.save(idNo, draft.applicationNo(),
                new ApplicationChanges("021-12345678", true, null, null, null, null, draft.version()));
        return applications.submit(idNo, filled.applicationNo());
    }

    /** A first issue signed by the person and by {@code uscc}: accepted (受理), UNDER_REVIEW. */
    public Application underReview(String idNo, String uscc, Category category, Position position) {
        Application submitted = submitted(idNo, category, position);
        personal.requestCode(idNo, submitted.applicationNo());
        personal.sign(idNo, submitted.applicationNo(), lastCode(submitted.applicationNo()));
        return enterprise.signWithPassword(uscc, submitted.applicationNo(), true, PASSWORD);
    }

    private String lastCode(String applicationNo) {
        Notice sms = store.notices().stream().filter(n -> n.id().startsWith("sms-code:" + applicationNo + ":"))
                .max(Comparator.comparing(Notice::createdAt)).orElseThrow();
        Matcher m = CODE.matcher(sms.text());
        if (!m.find()) {
            throw new AssertionError("no code in the SMS");
        }
        return m.group(1);
    }
}
