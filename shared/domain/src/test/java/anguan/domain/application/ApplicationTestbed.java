package anguan.domain.application;

import anguan.domain.testing.TextForms;
import static org.junit.jupiter.api.Assertions.assertThrows;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.certificate.Position;
import anguan.domain.certificate.Validity;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Violation;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.person.Employment;
import anguan.domain.person.ExamResult;
import anguan.domain.person.ExamType;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.person.Person;
import anguan.domain.testing.InMemoryRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.function.Executable;

/**
 * The person's application service over the in-memory ports, starting at 2026-11-27 10:00 in
 * Shanghai (02:00 UTC), with a clock the tests can move. The registries are seeded directly,
 * as the feeds would have left them.
 */
final class ApplicationTestbed {
    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    /** 张三, female, born 1949-12-31. */
    static final String ZHANG_ID = "11010519491231002X";
    /** 李四, male, born 1990-01-01. */
    static final String LI_ID = "310101199001011234";
    static final String USCC = "91350100M000100Y43";
    static final String USCC_NAME = "上海建工一建集团有限公司";
    static final String OTHER_USCC = "91310000MA1FL0000N";
    static final String OTHER_USCC_NAME = "上海隧道工程有限公司";
    static final String THIRD_USCC = "11430000006122244L";
    static final String THIRD_USCC_NAME = "上海宝冶集团有限公司";

    /** Valid 2023-12-31 to 2026-12-30: TODAY lies in its renewal window (from 2026-09-30). */
    static final String C3_NO = "沪建安C3（2023）0000001";
    static final LocalDate C3_FROM = LocalDate.of(2023, 12, 31);
    static final String A_NO = "沪建安A（2025）0000007";
    static final String B_NO = "沪建安B（2022）0000042";
    static final String EXTERNAL_NO = "鲁建安C1（2024）0012345";
    static final String PHOTO_KEY = "registry/photos/zhang.jpg";
    static final String CERTIFICATE_PHOTO_KEY = "certificates/photos/c3.jpg";

    final MovableClock clock = new MovableClock(NOW);
    final InMemoryRegistry registry = new InMemoryRegistry(clock);
    final ApplicationRepository applications = registry.applicationRepository();
    final ApplicationService service = new ApplicationService(applications, registry.claimRepository(), registry,
            registry.enterpriseRepository(), registry.certificateRepository(), registry, new TextForms(), registry, clock);

    // ---- registries ----

    /** 张三 with a registry photo, employed at {@link #USCC} since 2020; the three enterprises registered. */
    static ApplicationTestbed zhangAtUscc() {
        ApplicationTestbed bed = new ApplicationTestbed();
        bed.enterprise(USCC, USCC_NAME);
        bed.enterprise(OTHER_USCC, OTHER_USCC_NAME);
        bed.enterprise(THIRD_USCC, THIRD_USCC_NAME);
        bed.person(ZHANG_ID, "张三", PHOTO_KEY);
        bed.employ(ZHANG_ID, USCC, LocalDate.of(2020, 1, 1), null);
        return bed;
    }

    Person person(String idNo, String name, String photoKey) {
        Person person = idNo.equals(ZHANG_ID)
                ? new Person(idNo, name, Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, "13812345678", photoKey, null, NOW)
                : new Person(idNo, name, Gender.M, LocalDate.of(1990, 1, 1), IdType.ID_CARD, "13912345678", photoKey, null, NOW);
        registry.save(person);
        return person;
    }

    void enterprise(String uscc, String name) {
        registry.save(new Enterprise(uscc, name, null, null, NOW));
    }

    void employ(String idNo, String uscc, LocalDate since, LocalDate until) {
        registry.saveEmployment(new Employment(idNo, uscc, since, until));
    }

    void exam(String idNo, ExamType type, Category category, LocalDate date, boolean passed) {
        registry.saveExam(new ExamResult(idNo, type, category, date, passed));
    }

    /** A certificate of 张三's as migrated: names copied from the registries, validity by the 3-year rule. */
    Certificate certificate(String no, Category category, Position position, String uscc, LocalDate validFrom,
                            CertificateStatus status) {
        Certificate certificate = new Certificate(no, ZHANG_ID, "张三", category, position, uscc,
                registry.findEnterprise(uscc).map(Enterprise::name).orElse(null), validFrom, validFrom,
                Validity.validTo(validFrom), status, CERTIFICATE_PHOTO_KEY, 1, null, null);
        registry.save(certificate);
        return certificate;
    }

    Certificate validC3() {
        return certificate(C3_NO, Category.C3, Position.P08, USCC, C3_FROM, CertificateStatus.VALID);
    }

    void change(Certificate certificate, UnaryOperator<Certificate> how) {
        registry.save(how.apply(certificate));
    }

    ExternalCertificate external(String no, String idNo, boolean transferredOut, LocalDate validTo) {
        ExternalCertificate external = new ExternalCertificate(no, idNo, "张三", Category.C1, "山东某建设有限公司",
                validTo.minusYears(3).plusDays(1), validTo, transferredOut);
        registry.saveExternal(external);
        return external;
    }

    // ---- applications ----

    Application create(NewApplication request) {
        return service.create(ZHANG_ID, request);
    }

    Application firstIssueC3() {
        return create(new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, null));
    }

    Application onCertificate(ApplicationType type, String certificateNo) {
        return create(new NewApplication(type, null, null, certificateNo, null, null));
    }

    Application save(Application application, ApplicationChanges changes) {
        return service.save(ZHANG_ID, application.applicationNo(), changes);
    }

    /** The phone and the consent box, the two things the person always fills in before 签名上报. */
    Application fillIn(Application application) {
        return save(application, new ApplicationChanges("021-12345678", true, null, null, null, null, application.version()));
    }

    Application submit(Application application) {
        return service.submit(ZHANG_ID, application.applicationNo());
    }

    /** Moves an application on as the later steps (signatures, decision) would, straight in the repository. */
    Application advance(Application application, ApplicationStatus status) {
        Application moved = application.toBuilder().status(status)
                .submittedAt(NOW)
                .personalSignedAt(NOW)
                .enterpriseSignedAt(status == ApplicationStatus.AWAITING_ENTERPRISE ? null : NOW)
                .decidedAt(status.isDecided() ? NOW : null)
                .version(application.version() + 1)
                .build();
        applications.update(moved, application.version());
        return moved;
    }

    Application stored(Application application) {
        return applications.find(application.applicationNo()).orElseThrow();
    }

    // ---- refusals ----

    static DomainProblem refused(Executable action) {
        return assertThrows(DomainProblem.class, action);
    }

    static List<String> codes(DomainProblem problem) {
        return problem.violations().stream().map(Violation::code).toList();
    }

    static List<String> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).toList();
    }

    /** A clock that stands still until a test moves it. */
    static final class MovableClock extends Clock {
        private Instant instant;

        MovableClock(Instant start) {
            instant = start;
        }

        void advance(Duration by) {
            instant = instant.plus(by);
        }

        void set(Instant to) {
            instant = to;
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return Clock.fixed(instant, zone); }

        @Override public Instant instant() { return instant; }
    }
}
