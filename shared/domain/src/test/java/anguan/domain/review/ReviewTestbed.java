package anguan.domain.review;

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
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.TestClock;
import anguan.domain.testing.TextForms;
import anguan.domain.testing.TextSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The review over the in-memory ports, on 2026-11-27 in Shanghai: 王芳 employed at {@link #USCC}
 * (contact mobile {@link #ENTERPRISE_MOBILE}) with C3 and B initial exams, 赵强 at {@link #OTHER_USCC}
 * (no contact mobile: that enterprise is never told) with a C1 exam. Applications reach the
 * reviewers the real way: 签名上报, the person's SMS-code signature and the enterprise's 签章密码.
 */
final class ReviewTestbed {
    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    static final String WANG_ID = "11010519491231002X";
    static final String WANG_MOBILE = "13812340001";
    static final String ZHAO_ID = "310101199001011234";
    static final String ZHAO_MOBILE = "13912340002";
    static final String USCC = "91350100M000100Y43";
    static final String OTHER_USCC = "91310000MA1FL0000N";
    static final String ENTERPRISE_MOBILE = "13700000003";
    static final String PASSWORD = "Review-Pw-1";
    static final String REVIEWER = "reviewer-007";
    static final byte[] SMS_SECRET = "sms-secret-of-the-review-bed-0123".getBytes(StandardCharsets.US_ASCII);
    /** Hashed once: PBKDF2 is slow on purpose. */
    private static final String PASSWORD_HASH = SigningPassword.hash(PASSWORD);

    final TestClock clock;
    final InMemoryRegistry registry;
    final ApplicationService applications;
    final PersonalSigningService personal;
    final EnterpriseSigningService enterprise;
    final ReviewService review;

    ReviewTestbed() {
        this(new TestClock(NOW));
    }

    /** Over a clock the caller moves (crash-and-retry); the review service is the caller's to wire. */
    ReviewTestbed(TestClock clock) {
        this.clock = clock;
        this.registry = new InMemoryRegistry(clock);
        seed(registry);
        TextSignatures signatures = new TextSignatures();
        Random random = new Random(11);
        this.applications = new ApplicationService(registry.applicationRepository(), registry.claimRepository(), registry,
                registry.enterpriseRepository(), registry.certificateRepository(), registry, new TextForms(), registry, clock);
        this.personal = new PersonalSigningService(registry.applicationRepository(), registry, registry.enterpriseRepository(),
                registry.smsChallengeRepository(), registry.smsQuota(), signatures, registry, registry.noticeQueue(),
                SMS_SECRET, random, clock);
        this.enterprise = new EnterpriseSigningService(registry.applicationRepository(), registry.enterpriseRepository(), registry,
                registry.signingLockRepository(), registry.signingSessionRepository(), signatures, signatures, registry,
                registry.noticeQueue(), random, clock);
        this.review = new ReviewService(registry.applicationRepository(), registry.claimRepository(), registry.issueQueue(),
                registry.noticeQueue(), registry, registry.enterpriseRepository(), clock);
    }

    /** The ports a review service is built on, in its constructor's order. */
    Object[] reviewPorts() {
        return new Object[] {registry.applicationRepository(), registry.claimRepository(), registry.issueQueue(),
                registry.noticeQueue(), registry, registry.enterpriseRepository(), clock};
    }

    private static void seed(InMemoryRegistry registry) {
        registry.save(new Enterprise(USCC, "上海城建二建有限公司", ENTERPRISE_MOBILE, PASSWORD_HASH, NOW));
        registry.save(new Enterprise(OTHER_USCC, "上海市政养护有限公司", null, PASSWORD_HASH, NOW));
        registry.save(new Person(WANG_ID, "王芳", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, WANG_MOBILE,
                "registry/photos/wang.jpg", null, NOW));
        registry.put("registry/photos/wang.jpg", new byte[] {4, 5, 6}, "image/jpeg");
        registry.save(new Person(ZHAO_ID, "赵强", Gender.M, LocalDate.of(1990, 1, 1), IdType.ID_CARD, ZHAO_MOBILE,
                "registry/photos/zhao.jpg", null, NOW));
        registry.put("registry/photos/zhao.jpg", new byte[] {7, 8, 9}, "image/jpeg");
        registry.saveEmployment(new Employment(WANG_ID, USCC, LocalDate.of(2019, 3, 1), null));
        registry.saveEmployment(new Employment(ZHAO_ID, OTHER_USCC, LocalDate.of(2021, 5, 1), null));
        registry.saveExam(new ExamResult(WANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 8, 15), true));
        registry.saveExam(new ExamResult(WANG_ID, ExamType.INITIAL, Category.B, LocalDate.of(2026, 8, 16), true));
        registry.saveExam(new ExamResult(ZHAO_ID, ExamType.INITIAL, Category.C1, LocalDate.of(2026, 7, 1), true));
    }

    /** 王芳's C3 first issue, signed by her and by her enterprise: in the reviewers' queue. */
    Application wangsC3() {
        return underReview(WANG_ID, WANG_MOBILE, USCC, Category.C3, Position.P08);
    }

    Application wangsB() {
        return underReview(WANG_ID, WANG_MOBILE, USCC, Category.B, Position.P07);
    }

    Application zhaosC1() {
        return underReview(ZHAO_ID, ZHAO_MOBILE, OTHER_USCC, Category.C1, Position.P08);
    }

    /** A first issue of C3 filled in and submitted (签名上报) only: still the person's draft. */
    Application submittedC3(String idNo) {
        Application draft = applications.create(idNo, new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, null));
        Application filled = applications.save(idNo, draft.applicationNo(),
                new ApplicationChanges("021-12345678", true, null, null, null, null, draft.version()));
        return applications.submit(idNo, filled.applicationNo());
    }

    private Application underReview(String idNo, String mobile, String uscc, Category category, Position position) {
        Application draft = applications.create(idNo, new NewApplication(ApplicationType.FIRST_ISSUE, category, position, null, null, null));
        Application filled = applications.save(idNo, draft.applicationNo(),
                new ApplicationChanges("021-12345678", true, null, null, null, null, draft.version()));
        Application submitted = applications.submit(idNo, filled.applicationNo());
        personal.requestCode(idNo, submitted.applicationNo());
        personal.sign(idNo, submitted.applicationNo(), lastCode(mobile));
        return enterprise.signWithPassword(uscc, submitted.applicationNo(), true, PASSWORD);
    }

    /** The code of the newest SMS handed to the notifier for this mobile. */
    private String lastCode(String mobile) {
        Notice sms = registry.notices().stream().filter(n -> n.id().startsWith("sms-code:") && n.mobile().equals(mobile))
                .max(Comparator.comparing(Notice::createdAt)).orElseThrow();
        Matcher m = Pattern.compile("验证码(\\d{6})").matcher(sms.text());
        if (!m.find()) {
            throw new AssertionError("no code in the SMS");
        }
        return m.group(1);
    }
}
