package anguan.domain.application.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import anguan.domain.application.Applicant;
import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEnterprise;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.CancelReason;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.certificate.Position;
import anguan.domain.certificate.Validity;
import anguan.domain.common.Violation;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.person.Employment;
import anguan.domain.person.ExamResult;
import anguan.domain.person.ExamType;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.person.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Snapshots for the checks of 签名上报. Each {@code xxx()} starts from an application of that type
 * that passes every check, so a test changes only what it is about.
 */
final class SubmitContextFixture {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final String ID_NO = "11010519491231002X";
    static final String OTHER_ID_NO = "310101199001011234";
    static final String USCC = "91350100M000100Y43";
    static final String OTHER_USCC = "11430000006122244L";
    static final String THIRD_USCC = "91310000MA1FL0000N";
    /** Valid 2023-12-31 to 2026-12-30: its renewal window is 2026-09-30 to 2026-12-30, TODAY inside. */
    static final String C3_NO = "沪建安C3（2023）0000001";
    static final LocalDate C3_FROM = LocalDate.of(2023, 12, 31);
    static final String EXTERNAL_NO = "鲁建安C1（2024）0012345";

    private LocalDate today = TODAY;
    private Application.Builder application;
    private Person person = person(true);
    private final List<Employment> employments = new ArrayList<>(List.of(employment(USCC)));
    private final List<ExamResult> exams = new ArrayList<>();
    private final List<Certificate> certificates = new ArrayList<>();
    private ExternalCertificate external;
    private final List<Application> others = new ArrayList<>();

    private SubmitContextFixture(ApplicationType type) {
        application = Application.builder()
                .applicationNo("W2026112700001")
                .type(type)
                .status(ApplicationStatus.DRAFT)
                .applicant(new Applicant("张三", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, ID_NO,
                        "13812345678"))
                .enterprise(new ApplicationEnterprise(USCC, "上海建工一建集团有限公司", "021-12345678"))
                .consent(true);
    }

    static SubmitContextFixture firstIssue() {
        return new SubmitContextFixture(ApplicationType.FIRST_ISSUE)
                .with(a -> a.category(Category.C3).position(Position.P08))
                .exams(exam(ExamType.INITIAL, Category.C3, TODAY.minusMonths(2), true));
    }

    static SubmitContextFixture renewal() {
        Certificate c3 = validC3();
        return new SubmitContextFixture(ApplicationType.RENEWAL)
                .with(a -> a.certificates(List.of(c3)))
                .certificates(c3)
                .exams(exam(ExamType.CONTINUING, Category.C3, LocalDate.of(2025, 6, 1), true));
    }

    static SubmitContextFixture employerChange() {
        Certificate atOld = certificate(C3_NO, Category.C3, Position.P08, OTHER_USCC, C3_FROM, CertificateStatus.VALID);
        return new SubmitContextFixture(ApplicationType.EMPLOYER_CHANGE)
                .with(a -> a.certificates(List.of(atOld)))
                .certificates(atOld);
    }

    static SubmitContextFixture transferIn() {
        ExternalCertificate national = new ExternalCertificate(EXTERNAL_NO, ID_NO, "张三", Category.C1,
                "山东某建设有限公司", LocalDate.of(2024, 6, 1), LocalDate.of(2027, 5, 31), true);
        return new SubmitContextFixture(ApplicationType.TRANSFER_IN)
                .with(a -> a.category(Category.C1).position(Position.P08).originalCertificateNo(EXTERNAL_NO)
                        .originalCertificate(national))
                .external(national);
    }

    static SubmitContextFixture transferOut() {
        Certificate c3 = validC3();
        return new SubmitContextFixture(ApplicationType.TRANSFER_OUT)
                .with(a -> a.certificates(List.of(c3)))
                .certificates(c3);
    }

    static SubmitContextFixture cancellation() {
        Certificate c3 = validC3();
        return new SubmitContextFixture(ApplicationType.CANCELLATION)
                .with(a -> a.certificates(List.of(c3)).cancelReason(CancelReason.SELF_REQUEST))
                .certificates(c3);
    }

    SubmitContextFixture today(LocalDate day) {
        today = day;
        return this;
    }

    SubmitContextFixture with(UnaryOperator<Application.Builder> change) {
        application = change.apply(application);
        return this;
    }

    SubmitContextFixture person(Person p) {
        person = p;
        return this;
    }

    SubmitContextFixture noPerson() {
        return person(null);
    }

    SubmitContextFixture employments(Employment... e) {
        employments.clear();
        employments.addAll(List.of(e));
        return this;
    }

    SubmitContextFixture exams(ExamResult... e) {
        exams.clear();
        exams.addAll(List.of(e));
        return this;
    }

    SubmitContextFixture certificates(Certificate... c) {
        certificates.clear();
        certificates.addAll(List.of(c));
        return this;
    }

    SubmitContextFixture alsoHolds(Certificate c) {
        certificates.add(c);
        return this;
    }

    SubmitContextFixture external(ExternalCertificate e) {
        external = e;
        return this;
    }

    SubmitContextFixture otherApplications(Application... a) {
        others.clear();
        others.addAll(List.of(a));
        return this;
    }

    Application application() {
        return application.build();
    }

    SubmitContext build() {
        Application built = application.build();
        Optional<Enterprise> enterprise = Optional.ofNullable(built.enterprise())
                .map(e -> new Enterprise(e.uscc(), e.name(), null, null, null));
        return new SubmitContext(today, built, Optional.ofNullable(person), List.copyOf(employments), enterprise,
                List.copyOf(exams), List.copyOf(certificates), Optional.ofNullable(external), List.copyOf(others));
    }

    /** Runs one check on this snapshot. */
    List<Violation> check(SubmitCheck check) {
        return check.check(build());
    }

    // ---- building blocks ----

    static Person person(boolean withPhoto) {
        return new Person(ID_NO, "张三", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, "13812345678",
                withPhoto ? "photos/" + ID_NO + ".jpg" : null, null, null);
    }

    static Employment employment(String uscc) {
        return new Employment(ID_NO, uscc, LocalDate.of(2020, 1, 1), null);
    }

    static ExamResult exam(ExamType type, Category category, LocalDate date, boolean passed) {
        return new ExamResult(ID_NO, type, category, date, passed);
    }

    static Certificate validC3() {
        return certificate(C3_NO, Category.C3, Position.P08, USCC, C3_FROM, CertificateStatus.VALID);
    }

    static Certificate certificate(String no, Category category, Position position, String uscc, LocalDate validFrom,
                                   CertificateStatus status) {
        return new Certificate(no, ID_NO, "张三", category, position, uscc, "某建设有限公司", validFrom, validFrom,
                Validity.validTo(validFrom), status, null, 1, null, null);
    }

    /** Another application of the same person, open unless changed. */
    static Application.Builder otherApplication(ApplicationType type, String applicationNo) {
        return Application.builder().applicationNo(applicationNo).type(type).status(ApplicationStatus.DRAFT)
                .applicant(new Applicant("张三", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, ID_NO,
                        "13812345678"));
    }

    static List<String> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).toList();
    }

    /** The violations carry exactly these codes, in this order. */
    static void assertCodes(List<Violation> violations, String... expected) {
        assertEquals(List.of(expected), codes(violations), () -> violations.toString());
    }

    static Violation only(List<Violation> violations) {
        assertEquals(1, violations.size(), () -> violations.toString());
        return violations.getFirst();
    }
}
