package anguan.domain.signing;

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
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.TestClock;
import anguan.domain.testing.TextForms;
import anguan.domain.testing.TextSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The signing services over the in-memory ports, at 2026-11-27 10:00 Shanghai: 张三 employed at
 * {@link #USCC} (contact mobile {@link #ENTERPRISE_MOBILE}, 签章密码 {@link #PASSWORD}) with a C3 exam,
 * and a submitted first issue of hers ready to be signed.
 */
final class SigningTestbed {
    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    static final String ZHANG_ID = "11010519491231002X";
    static final String ZHANG_MOBILE = "13812345678";
    static final String LI_ID = "310101199001011234";
    static final String USCC = "91350100M000100Y43";
    static final String OTHER_USCC = "91310000MA1FL0000N";
    static final String ENTERPRISE_MOBILE = "13987654321";
    static final String PASSWORD = "Pw-123456";
    static final byte[] SMS_SECRET = "sms-secret-of-the-testbed-012345".getBytes(StandardCharsets.US_ASCII);
    /** Hashed once: PBKDF2 is slow on purpose. */
    static final String PASSWORD_HASH = SigningPassword.hash(PASSWORD);
    private static final String OTHER_PASSWORD_HASH = SigningPassword.hash("Other-999");

    final TestClock clock;
    final InMemoryRegistry registry;
    final ApplicationService applications;
    final PersonalSigningService personal;
    final EnterpriseSigningService enterprise;

    SigningTestbed() {
        this(new TestClock(NOW), new Random(42));
    }

    private SigningTestbed(TestClock clock, RandomGenerator random) {
        this.clock = clock;
        this.registry = new InMemoryRegistry(clock);
        seed(registry);
        TextSignatures signatures = new TextSignatures();
        this.applications = new ApplicationService(registry.applicationRepository(), registry.claimRepository(), registry,
                registry.enterpriseRepository(), registry.certificateRepository(), registry, new TextForms(), registry, clock);
        this.personal = new PersonalSigningService(registry.applicationRepository(), registry, registry.enterpriseRepository(),
                registry.smsChallengeRepository(), registry.smsQuota(), signatures, registry, registry.noticeQueue(),
                SMS_SECRET, random, clock);
        this.enterprise = new EnterpriseSigningService(registry.applicationRepository(), registry.enterpriseRepository(), registry,
                registry.signingLockRepository(), registry.signingSessionRepository(), signatures, signatures, registry,
                registry.noticeQueue(), random, clock);
    }

    static void seed(InMemoryRegistry registry) {
        registry.save(new Enterprise(USCC, "上海建工一建集团有限公司", ENTERPRISE_MOBILE, PASSWORD_HASH, NOW));
        registry.save(new Enterprise(OTHER_USCC, "上海隧道工程有限公司", null, OTHER_PASSWORD_HASH, NOW));
        registry.save(new Person(ZHANG_ID, "张三", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, ZHANG_MOBILE,
                "registry/photos/zhang.jpg", null, NOW));
        registry.put("registry/photos/zhang.jpg", new byte[] {1, 2, 3}, "image/jpeg");
        registry.save(new Person(LI_ID, "李四", Gender.M, LocalDate.of(1990, 1, 1), IdType.ID_CARD, "13912345678", null, null, NOW));
        registry.saveEmployment(new Employment(ZHANG_ID, USCC, LocalDate.of(2020, 1, 1), null));
        registry.saveExam(new ExamResult(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true));
    }

    /** A first issue of 张三's, filled in and submitted (签名上报). */
    Application submitted() {
        Application draft = applications.create(ZHANG_ID, new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, null));
        Application filled = applications.save(ZHANG_ID, draft.applicationNo(),
                new ApplicationChanges("021-12345678", true, null, null, null, null, draft.version()));
        return applications.submit(ZHANG_ID, filled.applicationNo());
    }

    /** The code of the newest SMS handed to the notifier for this mobile. */
    String lastCode(String mobile) {
        List<Notice> codes = registry.notices().stream().filter(n -> n.id().startsWith("sms-code:") && n.mobile().equals(mobile))
                .sorted(java.util.Comparator.comparing(Notice::createdAt)).toList();
        String text = codes.getLast().text();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("验证码(\\d{6})").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no code in the SMS");
        }
        return m.group(1);
    }

    /** Submitted and signed by the person: waiting for the enterprise. */
    Application personallySigned() {
        Application submitted = submitted();
        personal.requestCode(ZHANG_ID, submitted.applicationNo());
        return personal.sign(ZHANG_ID, submitted.applicationNo(), lastCode(ZHANG_MOBILE));
    }

    static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }
}
