package anguan.domain.application;

import static anguan.domain.application.ApplicationTestbed.A_NO;
import static anguan.domain.application.ApplicationTestbed.B_NO;
import static anguan.domain.application.ApplicationTestbed.C3_FROM;
import static anguan.domain.application.ApplicationTestbed.C3_NO;
import static anguan.domain.application.ApplicationTestbed.CERTIFICATE_PHOTO_KEY;
import static anguan.domain.application.ApplicationTestbed.EXTERNAL_NO;
import static anguan.domain.application.ApplicationTestbed.LI_ID;
import static anguan.domain.application.ApplicationTestbed.NOW;
import static anguan.domain.application.ApplicationTestbed.OTHER_USCC;
import static anguan.domain.application.ApplicationTestbed.OTHER_USCC_NAME;
import static anguan.domain.application.ApplicationTestbed.PHOTO_KEY;
import static anguan.domain.application.ApplicationTestbed.THIRD_USCC;
import static anguan.domain.application.ApplicationTestbed.THIRD_USCC_NAME;
import static anguan.domain.application.ApplicationTestbed.USCC;
import static anguan.domain.application.ApplicationTestbed.USCC_NAME;
import static anguan.domain.application.ApplicationTestbed.ZHANG_ID;
import static anguan.domain.application.ApplicationTestbed.codes;
import static anguan.domain.application.ApplicationTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.person.ExamResult;
import anguan.domain.person.ExamType;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 个人填报: POST /applications starts a draft prefilled from the registries. */
class CreatingAnApplicationTest {
    private final ApplicationTestbed bed = ApplicationTestbed.zhangAtUscc();

    private static List<String> numbers(List<Certificate> certificates) {
        return certificates.stream().map(Certificate::certificateNo).toList();
    }

    // ---- what every draft carries ----

    @Test
    void aNewApplicationIsADraftWithTheApplicantFromTheWorkerRegistry() {
        Application application = bed.firstIssueC3();

        assertEquals(ApplicationStatus.DRAFT, application.status());
        assertEquals(new Applicant("张三", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, ZHANG_ID, "13812345678"),
                application.applicant());
        assertEquals(NOW, application.createdAt());
        assertEquals(NOW, application.updatedAt());
        assertEquals(1, application.version());
        assertFalse(application.consent());
        assertNull(application.submittedAt());
        assertFalse(application.isDeleted());
        assertEquals(application, bed.stored(application));
    }

    @Test
    void anUnregisteredPersonCannotStartAnApplication() {
        DomainProblem problem = refused(() -> bed.service.create(LI_ID,
                new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, null)));

        assertEquals(DomainProblem.Kind.VALIDATION_FAILED, problem.kind());
        assertEquals(List.of("PERSON_NOT_REGISTERED"), codes(problem));
        assertTrue(bed.registry.ofApplicant(LI_ID).isEmpty());
    }

    @Test
    void anApplicationWithoutATypeIsRefused() {
        DomainProblem problem = refused(() -> bed.create(new NewApplication(null, Category.C3, null, null, null, null)));

        assertEquals(List.of("REQUIRED"), codes(problem));
        assertEquals("type", problem.violations().getFirst().field());
    }

    // ---- application numbers ----

    @Test
    void applicationNumbersAreWThenTheDayThenAFiveDigitSerial() {
        Application first = bed.firstIssueC3();
        Application second = bed.create(new NewApplication(ApplicationType.FIRST_ISSUE, Category.A, Position.P01, null, null, null));

        assertEquals("W2026112700001", first.applicationNo());
        assertEquals("W2026112700002", second.applicationNo());
        assertEquals(14, first.applicationNo().length());
    }

    @Test
    void aCreateRetriedWithinMinutesFindsTheDraftItStoredInsteadOfASecondOne() {
        Application first = bed.firstIssueC3();
        bed.clock.advance(Duration.ofMinutes(2));

        Application retried = bed.firstIssueC3();

        assertEquals(first, retried);
        assertEquals(1, bed.service.list(ZHANG_ID, new ApplicationQuery(null, null, 1, 10)).total());
    }

    @Test
    void theSameApplicationStartedAgainLaterOrAfterAnEditIsANewDraft() {
        Application first = bed.firstIssueC3();
        bed.clock.advance(Duration.ofMinutes(11));
        Application later = bed.firstIssueC3();
        bed.fillIn(later);
        Application afterAnEdit = bed.firstIssueC3();

        assertEquals(3, List.of(first.applicationNo(), later.applicationNo(), afterAnEdit.applicationNo()).stream().distinct().count());
    }

    @Test
    void theSerialStartsAgainEachDay() {
        bed.firstIssueC3();
        bed.firstIssueC3();
        bed.clock.advance(Duration.ofDays(1));

        assertEquals("W2026112800001", bed.firstIssueC3().applicationNo());
    }

    @Test
    void theSerialCountsApplicationsOfEveryone() {
        bed.person(LI_ID, "李四", null);
        bed.firstIssueC3();

        Application hers = bed.service.create(LI_ID,
                new NewApplication(ApplicationType.FIRST_ISSUE, Category.B, Position.P07, null, null, null));

        assertEquals("W2026112700002", hers.applicationNo());
    }

    @Test
    void theDayOfTheNumberIsTheShanghaiDay() {
        // 16:30 UTC on the 27th is already 00:30 on the 28th in Shanghai.
        bed.clock.set(Instant.parse("2026-11-27T16:30:00Z"));

        assertEquals("W2026112800001", bed.firstIssueC3().applicationNo());
    }

    // ---- which enterprise ----

    @Test
    void theOnlyCurrentEmploymentIsTheApplicationsEnterprise() {
        Application application = bed.firstIssueC3();

        assertEquals(new ApplicationEnterprise(USCC, USCC_NAME, null), application.enterprise());
    }

    @Test
    void anEndedEmploymentDoesNotCountAsCurrent() {
        bed.employ(ZHANG_ID, OTHER_USCC, LocalDate.of(2015, 1, 1), LocalDate.of(2019, 12, 31));

        assertEquals(USCC, bed.firstIssueC3().enterprise().uscc());
    }

    @Test
    void anEmploymentEndingTodayStillCounts() {
        bed.registry.deleteEmployment(ZHANG_ID, USCC);
        bed.employ(ZHANG_ID, OTHER_USCC, LocalDate.of(2015, 1, 1), ApplicationTestbed.TODAY);

        assertEquals(OTHER_USCC, bed.firstIssueC3().enterprise().uscc());
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationType.class, names = {"FIRST_ISSUE", "TRANSFER_IN", "EMPLOYER_CHANGE"})
    void withTwoCurrentEmployersAndNoneNamedTheEnterpriseMustBeChosen(ApplicationType type) {
        bed.employ(ZHANG_ID, OTHER_USCC, LocalDate.of(2024, 1, 1), null);

        DomainProblem problem = refused(() -> bed.create(new NewApplication(type, Category.C3, Position.P08, null, EXTERNAL_NO, null)));

        assertEquals(List.of("ENTERPRISE_REQUIRED"), codes(problem));
        assertEquals("uscc", problem.violations().getFirst().field());
        assertTrue(bed.registry.ofApplicant(ZHANG_ID).isEmpty());
    }

    @Test
    void withTwoCurrentEmployersTheNamedOneIsTaken() {
        bed.employ(ZHANG_ID, OTHER_USCC, LocalDate.of(2024, 1, 1), null);

        Application application = bed.create(new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08,
                null, null, OTHER_USCC.toLowerCase()));

        assertEquals(new ApplicationEnterprise(OTHER_USCC, OTHER_USCC_NAME, null), application.enterprise());
    }

    @Test
    void anInvalidNamedUsccIsRefused() {
        DomainProblem problem = refused(() -> bed.create(new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3,
                Position.P08, null, null, "91350100M000100Y44")));

        assertEquals(List.of("INVALID_USCC"), codes(problem));
    }

    @Test
    void withoutAnyCurrentEmploymentTheDraftHasNoEnterpriseYet() {
        bed.registry.deleteEmployment(ZHANG_ID, USCC);

        assertNull(bed.firstIssueC3().enterprise());
    }

    // ---- 考核发证 ----

    @Test
    void aFirstIssueCarriesTheCategoryPositionRegistryPhotoAndInitialExamsOfThatCategory() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 3, 1), true);
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 10, 1), false);
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C2, LocalDate.of(2026, 9, 1), true);
        bed.exam(ZHANG_ID, ExamType.CONTINUING, Category.C3, LocalDate.of(2026, 9, 1), true);

        Application application = bed.firstIssueC3();

        assertEquals(ApplicationType.FIRST_ISSUE, application.type());
        assertEquals(Category.C3, application.category());
        assertEquals(Position.P08, application.position());
        assertEquals(PHOTO_KEY, application.photoKey());
        assertEquals(List.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 3, 1)),
                application.exams().stream().map(ExamResult::examDate).toList());
        assertTrue(application.certificates().isEmpty());
    }

    @Test
    void aFirstIssueNeedsACategory() {
        DomainProblem problem = refused(() -> bed.create(new NewApplication(ApplicationType.FIRST_ISSUE, null, Position.P08,
                null, null, null)));

        assertEquals(List.of("REQUIRED"), codes(problem));
        assertEquals("category", problem.violations().getFirst().field());
    }

    // ---- 进沪换证 ----

    @Test
    void aTransferInCarriesTheNationalRecordFoundFromAHalfWidthNumber() {
        bed.external(EXTERNAL_NO, ZHANG_ID, true, LocalDate.of(2027, 2, 28));

        Application application = bed.create(new NewApplication(ApplicationType.TRANSFER_IN, null, Position.P08, null,
                " 鲁建安c1(2024)0012345 ", null));

        assertEquals(EXTERNAL_NO, application.originalCertificateNo());
        assertEquals(EXTERNAL_NO, application.originalCertificate().certificateNo());
        assertEquals(Category.C1, application.category());
        assertEquals(Position.P08, application.position());
        assertEquals(PHOTO_KEY, application.photoKey());
        assertEquals(new ApplicationEnterprise(USCC, USCC_NAME, null), application.enterprise());
    }

    @Test
    void aTransferInOfSomeoneElsesNationalRecordShowsNothingOfIt() {
        bed.external(EXTERNAL_NO, LI_ID, true, LocalDate.of(2027, 2, 28));

        Application application = bed.create(new NewApplication(ApplicationType.TRANSFER_IN, null, Position.P08, null,
                EXTERNAL_NO, null));

        assertEquals(EXTERNAL_NO, application.originalCertificateNo());
        assertNull(application.originalCertificate());
        assertNull(application.category());
    }

    @Test
    void aTransferInNeedsTheOriginalNumber() {
        DomainProblem problem = refused(() -> bed.create(new NewApplication(ApplicationType.TRANSFER_IN, null, Position.P08,
                null, " ", null)));

        assertEquals(List.of("REQUIRED"), codes(problem));
        assertEquals("originalCertificateNo", problem.violations().getFirst().field());
    }

    // ---- 省内变更受聘企业 ----

    @Test
    void anEmployerChangeListsEveryValidCertificateAtAnotherEnterprise() {
        bed.certificate(C3_NO, Category.C3, Position.P08, OTHER_USCC, C3_FROM, CertificateStatus.VALID);
        bed.certificate(A_NO, Category.A, Position.P01, THIRD_USCC, LocalDate.of(2025, 1, 1), CertificateStatus.VALID);
        bed.certificate(B_NO, Category.B, Position.P07, USCC, LocalDate.of(2025, 1, 1), CertificateStatus.VALID);
        bed.certificate("沪建安C1（2022）0000003", Category.C1, Position.P08, OTHER_USCC, LocalDate.of(2022, 1, 1),
                CertificateStatus.VALID); // ended 2024-12-31: expired
        bed.certificate("沪建安C2（2025）0000004", Category.C2, Position.P08, OTHER_USCC, LocalDate.of(2025, 1, 1),
                CertificateStatus.CANCELLED);

        Application application = bed.create(new NewApplication(ApplicationType.EMPLOYER_CHANGE, null, null, null, null, null));

        assertEquals(new ApplicationEnterprise(USCC, USCC_NAME, null), application.enterprise());
        assertEquals(List.of(A_NO, C3_NO), numbers(application.certificates()));
        assertEquals(List.of(THIRD_USCC_NAME, OTHER_USCC_NAME),
                application.certificates().stream().map(Certificate::enterpriseName).toList());
    }

    @Test
    void anEmployerChangeWithNothingElsewhereStartsEmpty() {
        bed.validC3();

        Application application = bed.create(new NewApplication(ApplicationType.EMPLOYER_CHANGE, null, null, null, null, null));

        assertTrue(application.certificates().isEmpty());
    }

    // ---- the three that act on one certificate ----

    @ParameterizedTest
    @EnumSource(value = ApplicationType.class, names = {"RENEWAL", "TRANSFER_OUT", "CANCELLATION"})
    void anApplicationOnACertificateCarriesItAndItsEnterpriseAndPhoto(ApplicationType type) {
        bed.certificate(C3_NO, Category.C3, Position.P08, OTHER_USCC, C3_FROM, CertificateStatus.VALID);

        Application application = bed.onCertificate(type, C3_NO);

        assertEquals(type, application.type());
        assertEquals(List.of(C3_NO), numbers(application.certificates()));
        assertEquals(Category.C3, application.category());
        assertEquals(Position.P08, application.position());
        assertEquals(CERTIFICATE_PHOTO_KEY, application.photoKey());
        // the certificate's enterprise, not the person's current employer
        assertEquals(new ApplicationEnterprise(OTHER_USCC, OTHER_USCC_NAME, null), application.enterprise());
    }

    @Test
    void theEnterpriseOfACertificateIsTheNamePrintedOnIt() {
        Certificate c3 = bed.validC3();
        bed.enterprise(USCC, "上海建工一建（集团）有限公司");

        Application application = bed.onCertificate(ApplicationType.TRANSFER_OUT, c3.certificateNo());

        assertEquals(USCC_NAME, application.enterprise().name());
    }

    @Test
    void aCertificateNumberTypedWithHalfWidthParenthesesIsFound() {
        bed.validC3();

        Application application = bed.onCertificate(ApplicationType.CANCELLATION, "沪建安C3(2023)0000001");

        assertEquals(List.of(C3_NO), numbers(application.certificates()));
    }

    @Test
    void aRenewalCarriesTheContinuingEducationExamsOfTheCategory() {
        bed.validC3();
        bed.exam(ZHANG_ID, ExamType.CONTINUING, Category.C3, LocalDate.of(2025, 6, 1), true);
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2023, 6, 1), true);
        bed.exam(ZHANG_ID, ExamType.CONTINUING, Category.A, LocalDate.of(2025, 6, 1), true);

        Application application = bed.onCertificate(ApplicationType.RENEWAL, C3_NO);

        assertEquals(List.of(new ExamResult(ZHANG_ID, ExamType.CONTINUING, Category.C3, LocalDate.of(2025, 6, 1), true)),
                application.exams());
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationType.class, names = {"RENEWAL", "TRANSFER_OUT", "CANCELLATION"})
    void someoneElsesCertificateIsNotFound(ApplicationType type) {
        bed.person(LI_ID, "李四", null);
        bed.registry.save(new Certificate(C3_NO, LI_ID, "李四", Category.C3, Position.P08, USCC, USCC_NAME, C3_FROM, C3_FROM,
                C3_FROM.plusYears(3).minusDays(1), CertificateStatus.VALID, null, 1, null, null));

        DomainProblem problem = refused(() -> bed.onCertificate(type, C3_NO));

        assertEquals(DomainProblem.Kind.NOT_FOUND, problem.kind());
        assertEquals("NOT_FOUND", problem.code());
        assertTrue(bed.registry.ofApplicant(ZHANG_ID).isEmpty());
    }

    @Test
    void anUnknownCertificateIsNotFound() {
        DomainProblem problem = refused(() -> bed.onCertificate(ApplicationType.RENEWAL, "沪建安C3（2023）0999999"));

        assertEquals(DomainProblem.Kind.NOT_FOUND, problem.kind());
    }

    @Test
    void anApplicationOnACertificateNeedsItsNumber() {
        DomainProblem problem = refused(() -> bed.onCertificate(ApplicationType.TRANSFER_OUT, null));

        assertEquals(List.of("REQUIRED"), codes(problem));
        assertEquals("certificateNo", problem.violations().getFirst().field());
    }

    // ---- audit ----

    @Test
    void creatingIsTheFirstLineOfTheAuditTrail() {
        Application application = bed.firstIssueC3();

        List<ApplicationEvent> events = bed.service.events(ZHANG_ID, application.applicationNo());

        assertEquals(List.of(new ApplicationEvent(application.applicationNo(), NOW, "person", ZHANG_ID,
                ApplicationEvent.Action.CREATED)), events);
    }

    @Test
    void aRefusedCreationLeavesNoTrace() {
        refused(() -> bed.onCertificate(ApplicationType.RENEWAL, C3_NO));

        assertTrue(bed.registry.ofApplicant(ZHANG_ID).isEmpty());
        assertEquals("W2026112700001", bed.firstIssueC3().applicationNo());
    }
}
