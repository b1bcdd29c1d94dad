package anguan.domain.application;

import static anguan.domain.application.ApplicationTestbed.A_NO;
import static anguan.domain.application.ApplicationTestbed.C3_FROM;
import static anguan.domain.application.ApplicationTestbed.C3_NO;
import static anguan.domain.application.ApplicationTestbed.EXTERNAL_NO;
import static anguan.domain.application.ApplicationTestbed.LI_ID;
import static anguan.domain.application.ApplicationTestbed.NOW;
import static anguan.domain.application.ApplicationTestbed.OTHER_USCC;
import static anguan.domain.application.ApplicationTestbed.OTHER_USCC_NAME;
import static anguan.domain.application.ApplicationTestbed.USCC;
import static anguan.domain.application.ApplicationTestbed.ZHANG_ID;
import static anguan.domain.application.ApplicationTestbed.codes;
import static anguan.domain.application.ApplicationTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.ApplicationEvent.Action;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Violation;
import anguan.domain.person.ExamResult;
import anguan.domain.person.ExamType;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.person.Person;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 签名上报: POST /applications/{no}/submit. */
class SubmittingAnApplicationTest {
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(10));

    private final ApplicationTestbed bed = ApplicationTestbed.zhangAtUscc();

    private Application submitLater(Application application) {
        bed.clock.set(LATER);
        return bed.submit(application);
    }

    // ---- each type, when everything is in order ----

    @Test
    void aFirstIssueWithARecentInitialExamIsSubmitted() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application filled = bed.fillIn(bed.firstIssueC3());

        Application submitted = submitLater(filled);

        assertEquals(ApplicationStatus.DRAFT, submitted.status());
        assertEquals(LATER, submitted.submittedAt());
        assertEquals(LATER, submitted.updatedAt());
        assertEquals(filled.version() + 1, submitted.version());
        assertEquals(submitted, bed.stored(filled));
    }

    @Test
    void aRenewalInItsWindowWithContinuingEducationIsSubmitted() {
        bed.validC3();
        bed.exam(ZHANG_ID, ExamType.CONTINUING, Category.C3, LocalDate.of(2025, 6, 1), true);

        Application submitted = submitLater(bed.fillIn(bed.onCertificate(ApplicationType.RENEWAL, C3_NO)));

        assertEquals(LATER, submitted.submittedAt());
    }

    @Test
    void anEmployerChangeWithACertificateElsewhereIsSubmitted() {
        bed.certificate(C3_NO, Category.C3, Position.P08, OTHER_USCC, C3_FROM, CertificateStatus.VALID);

        Application submitted = submitLater(bed.fillIn(bed.create(
                new NewApplication(ApplicationType.EMPLOYER_CHANGE, null, null, null, null, null))));

        assertEquals(LATER, submitted.submittedAt());
        assertEquals(List.of(C3_NO), submitted.certificates().stream().map(Certificate::certificateNo).toList());
    }

    @Test
    void aTransferInOfATransferredOutRecordIsSubmitted() {
        bed.external(EXTERNAL_NO, ZHANG_ID, true, LocalDate.of(2027, 2, 28));

        Application submitted = submitLater(bed.fillIn(bed.create(
                new NewApplication(ApplicationType.TRANSFER_IN, null, Position.P08, null, "鲁建安C1(2024)0012345", null))));

        assertEquals(LATER, submitted.submittedAt());
        assertEquals(Category.C1, submitted.category());
    }

    @Test
    void aTransferOutNeedsNoEmployment() {
        bed.validC3();
        bed.registry.deleteEmployment(ZHANG_ID, USCC);

        Application submitted = submitLater(bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, C3_NO)));

        assertEquals(LATER, submitted.submittedAt());
    }

    @Test
    void aCancellationWithAReasonIsSubmittedWithoutEmployment() {
        bed.validC3();
        bed.registry.deleteEmployment(ZHANG_ID, USCC);
        Application draft = bed.onCertificate(ApplicationType.CANCELLATION, C3_NO);
        Application filled = bed.save(draft, new ApplicationChanges("13900001111", true, null, CancelReason.LEFT_POST, null, null, 1L));

        assertEquals(LATER, submitLater(filled).submittedAt());
    }

    // ---- refusals ----

    @Test
    void everyFailedCheckIsReportedTogether() {
        bed.registry.save(new Person(ZHANG_ID, "张三", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, "13812345678",
                null, null, NOW));
        bed.certificate(A_NO, Category.A, Position.P02, OTHER_USCC, LocalDate.of(2025, 1, 1), CertificateStatus.VALID);
        Application draft = bed.create(new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P01, null, null, null));

        DomainProblem problem = refused(() -> bed.submit(draft));

        assertEquals(DomainProblem.Kind.VALIDATION_FAILED, problem.kind());
        assertEquals(List.of("ENTERPRISE_PHONE_INVALID", "CONSENT_REQUIRED", "POSITION_NOT_ALLOWED", "EXAM_NOT_PASSED",
                "CERTIFICATE_AT_OTHER_ENTERPRISE", "PHOTO_MISSING"), codes(problem));
        assertTrue(problem.violations().stream().map(Violation::message).allMatch(m -> m != null && !m.isBlank()));
    }

    @Test
    void aRefusedSubmitChangesNothingAndLeavesNoTrace() {
        Application draft = bed.firstIssueC3();

        refused(() -> bed.submit(draft));

        assertEquals(draft, bed.stored(draft));
        assertEquals(List.of(Action.CREATED),
                bed.service.events(ZHANG_ID, draft.applicationNo()).stream().map(ApplicationEvent::action).toList());
    }

    @Test
    void withoutEmploymentAFirstIssueIsRefused() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        bed.registry.deleteEmployment(ZHANG_ID, USCC);
        Application draft = bed.fillIn(bed.firstIssueC3());

        assertEquals(List.of("EMPLOYMENT_NOT_FOUND"), codes(refused(() -> bed.submit(draft))));
    }

    @Test
    void anEmploymentEndedAfterTheDraftWasStartedIsNoticed() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application draft = bed.fillIn(bed.firstIssueC3());
        bed.employ(ZHANG_ID, USCC, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 11, 26));

        assertEquals(List.of("EMPLOYMENT_NOT_FOUND"), codes(refused(() -> bed.submit(draft))));
    }

    @Test
    void aRenewalOfACertificateThatWasCancelledMeanwhileIsRefused() {
        Certificate c3 = bed.validC3();
        bed.exam(ZHANG_ID, ExamType.CONTINUING, Category.C3, LocalDate.of(2025, 6, 1), true);
        Application draft = bed.fillIn(bed.onCertificate(ApplicationType.RENEWAL, C3_NO));
        bed.change(c3, c -> new Certificate(c.certificateNo(), c.idNo(), c.name(), c.category(), c.position(), c.uscc(),
                c.enterpriseName(), c.firstIssueDate(), c.validFrom(), c.validTo(), CertificateStatus.CANCELLED,
                c.photoKey(), c.licenceVersion(), c.licenceId(), c.ofdFileName()));

        assertEquals(List.of("CERTIFICATE_NOT_VALID"), codes(refused(() -> bed.submit(draft))));
    }

    @Test
    void aRenewalOutsideItsWindowWithoutContinuingEducationIsRefusedForBoth() {
        bed.certificate(C3_NO, Category.C3, Position.P08, USCC, LocalDate.of(2025, 1, 1), CertificateStatus.VALID);
        Application draft = bed.fillIn(bed.onCertificate(ApplicationType.RENEWAL, C3_NO));

        assertEquals(List.of("RENEWAL_WINDOW_CLOSED", "CONTINUING_EDUCATION_MISSING"), codes(refused(() -> bed.submit(draft))));
    }

    @Test
    void aCancellationWithoutAReasonIsRefused() {
        bed.validC3();
        Application draft = bed.fillIn(bed.onCertificate(ApplicationType.CANCELLATION, C3_NO));

        assertEquals(List.of("CANCEL_REASON_REQUIRED"), codes(refused(() -> bed.submit(draft))));
    }

    @Test
    void anEmployerChangeWithNothingToMoveIsRefused() {
        bed.validC3();
        Application draft = bed.fillIn(bed.create(new NewApplication(ApplicationType.EMPLOYER_CHANGE, null, null, null, null, null)));

        assertEquals(List.of("NOTHING_TO_MOVE"), codes(refused(() -> bed.submit(draft))));
    }

    /** A 进沪换证 of that national number as a 专职安全生产管理人员, phone and consent filled in. */
    private Application filledTransferIn(String originalCertificateNo) {
        return bed.fillIn(bed.create(new NewApplication(ApplicationType.TRANSFER_IN, null, Position.P08, null,
                originalCertificateNo, null)));
    }

    private void withoutRegistryPhoto() {
        bed.person(ZHANG_ID, "张三", null);
    }

    @Test
    void aFirstIssueWithoutARegistryPhotoIsRefusedAndChangesNothing() {
        withoutRegistryPhoto();
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application draft = bed.fillIn(bed.firstIssueC3());

        DomainProblem problem = refused(() -> bed.submit(draft));

        assertEquals(List.of("PHOTO_MISSING"), codes(problem));
        assertEquals("photo", problem.violations().getFirst().field());
        assertEquals(draft, bed.stored(draft));
    }

    @Test
    void aTransferInWithoutARegistryPhotoIsRefused() {
        withoutRegistryPhoto();
        bed.external(EXTERNAL_NO, ZHANG_ID, true, LocalDate.of(2027, 2, 28));
        Application draft = filledTransferIn(EXTERNAL_NO);

        assertEquals(List.of("PHOTO_MISSING"), codes(refused(() -> bed.submit(draft))));
    }

    @Test
    void aRenewalNeedsNoRegistryPhotoForItPrintsTheCertificates() {
        withoutRegistryPhoto();
        bed.validC3();
        bed.exam(ZHANG_ID, ExamType.CONTINUING, Category.C3, LocalDate.of(2025, 6, 1), true);

        assertEquals(LATER, submitLater(bed.fillIn(bed.onCertificate(ApplicationType.RENEWAL, C3_NO))).submittedAt());
    }

    @Test
    void aTransferInOfACategoryAlreadyHeldIsRefused() {
        bed.certificate("沪建安C1（2024）0000005", Category.C1, Position.P08, USCC, LocalDate.of(2024, 3, 1), CertificateStatus.VALID);
        bed.external(EXTERNAL_NO, ZHANG_ID, true, LocalDate.of(2027, 2, 28));
        Application draft = filledTransferIn(EXTERNAL_NO);

        assertEquals(List.of("CATEGORY_ALREADY_HELD"), codes(refused(() -> bed.submit(draft))));
    }

    @Test
    void aTransferInWhileHoldingAnotherCategoryElsewhereIsRefused() {
        bed.validC3();
        bed.change(bed.registry.findCertificate(C3_NO).orElseThrow(), c -> new Certificate(c.certificateNo(), c.idNo(),
                c.name(), c.category(), c.position(), OTHER_USCC, OTHER_USCC_NAME, c.firstIssueDate(), c.validFrom(),
                c.validTo(), c.status(), c.photoKey(), c.licenceVersion(), c.licenceId(), c.ofdFileName()));
        bed.external(EXTERNAL_NO, ZHANG_ID, true, LocalDate.of(2027, 2, 28));
        Application draft = filledTransferIn(EXTERNAL_NO);

        assertEquals(List.of("CERTIFICATE_AT_OTHER_ENTERPRISE"), codes(refused(() -> bed.submit(draft))));
    }

    @Test
    void aTransferInOfAnExpiredRecordIsRefused() {
        bed.external(EXTERNAL_NO, ZHANG_ID, true, LocalDate.of(2026, 11, 26));
        Application draft = filledTransferIn(EXTERNAL_NO);

        assertEquals(List.of("EXTERNAL_EXPIRED"), codes(refused(() -> bed.submit(draft))));
    }

    @Test
    void aTransferInOfAShanghaiNumberIsRefused() {
        Application draft = filledTransferIn("沪建安C1（2024）0000099");

        assertEquals(List.of("EXTERNAL_IS_SHANGHAI"), codes(refused(() -> bed.submit(draft))));
    }

    @Test
    void applyingForALegalRepresentativesACertificateDoesNotExcuseACertificateElsewhere() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.A, LocalDate.of(2026, 9, 1), true);
        bed.certificate(C3_NO, Category.C3, Position.P08, OTHER_USCC, C3_FROM, CertificateStatus.VALID);
        Application draft = bed.fillIn(bed.create(new NewApplication(ApplicationType.FIRST_ISSUE, Category.A, Position.P01,
                null, null, null)));

        DomainProblem problem = refused(() -> bed.submit(draft));

        assertEquals(List.of("CERTIFICATE_AT_OTHER_ENTERPRISE"), codes(problem));
        assertTrue(problem.violations().getFirst().message().contains(C3_NO), problem.violations().toString());
    }

    @Test
    void aTransferInOfARecordNotYetTransferredOutIsRefused() {
        bed.external(EXTERNAL_NO, ZHANG_ID, false, LocalDate.of(2027, 2, 28));
        Application draft = filledTransferIn(EXTERNAL_NO);

        assertEquals(List.of("EXTERNAL_NOT_TRANSFERRED_OUT"), codes(refused(() -> bed.submit(draft))));
    }

    @Test
    void aTransferInOfSomeoneElsesRecordIsNotFound() {
        bed.external(EXTERNAL_NO, LI_ID, true, LocalDate.of(2027, 2, 28));
        Application draft = filledTransferIn(EXTERNAL_NO);

        assertEquals(List.of("EXTERNAL_CERTIFICATE_NOT_FOUND"), codes(refused(() -> bed.submit(draft))));
    }

    @Test
    void aSecondFirstIssueOfTheSameCategoryIsRefusedWhileTheFirstIsOpen() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application first = bed.fillIn(bed.firstIssueC3());
        Application second = bed.fillIn(bed.firstIssueC3());

        DomainProblem problem = refused(() -> bed.submit(second));

        assertEquals(List.of("APPLICATION_IN_PROGRESS"), codes(problem));
        assertTrue(problem.violations().getFirst().message().contains(first.applicationNo()));
    }

    @Test
    void aDecidedApplicationNoLongerBlocksANewOne() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        bed.advance(bed.firstIssueC3(), ApplicationStatus.REJECTED);
        Application second = bed.fillIn(bed.firstIssueC3());

        assertEquals(LATER, submitLater(second).submittedAt());
    }

    @Test
    void anApplicantNoLongerInTheWorkerRegistryIsReportedAtSubmit() {
        bed.validC3();
        Application draft = bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, C3_NO));
        ApplicationTestbed withoutPerson = new ApplicationTestbed(); // the same data, minus the worker registry entry
        withoutPerson.applications.insert(bed.stored(draft));
        withoutPerson.registry.save(bed.registry.findCertificate(C3_NO).orElseThrow());

        DomainProblem problem = refused(() -> withoutPerson.service.submit(ZHANG_ID, draft.applicationNo()));

        assertEquals(List.of("PERSON_NOT_REGISTERED"), codes(problem));
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void onlyADraftCanBeSubmitted(ApplicationStatus status) {
        Application moved = bed.advance(bed.fillIn(bed.firstIssueC3()), status);

        DomainProblem problem = refused(() -> bed.submit(moved));

        assertEquals(DomainProblem.Kind.INVALID_STATE, problem.kind());
        assertEquals(moved, bed.stored(moved));
    }

    @Test
    void someoneElsesApplicationCannotBeSubmitted() {
        Application draft = bed.firstIssueC3();
        bed.person(LI_ID, "李四", null);

        assertEquals(DomainProblem.Kind.NOT_FOUND, refused(() -> bed.service.submit(LI_ID, draft.applicationNo())).kind());
    }

    // ---- the registries are read again ----

    @Test
    void aCertificateRenamedMeanwhileShowsItsNewStateAfterSubmit() {
        Certificate c3 = bed.validC3();
        Application draft = bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, C3_NO));
        bed.change(c3, c -> new Certificate(c.certificateNo(), c.idNo(), c.name(), c.category(), c.position(), c.uscc(),
                "上海建工一建（集团）有限公司", c.firstIssueDate(), c.validFrom(), c.validTo(), c.status(), c.photoKey(),
                c.licenceVersion() + 1, c.licenceId(), c.ofdFileName()));

        Application submitted = bed.submit(draft);

        Certificate shown = submitted.certificates().getFirst();
        assertEquals("上海建工一建（集团）有限公司", shown.enterpriseName());
        assertEquals(2, shown.licenceVersion());
        assertEquals(submitted, bed.stored(draft));
    }

    @Test
    void theApplicantAndRegistryPhotoAreReadAgainAtSubmit() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application draft = bed.fillIn(bed.firstIssueC3());
        bed.registry.save(new Person(ZHANG_ID, "张三", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, "13900001111",
                "registry/photos/new.png", null, NOW));

        Application submitted = bed.submit(draft);

        assertEquals("13900001111", submitted.applicant().mobile());
        assertEquals("registry/photos/new.png", submitted.photoKey());
    }

    @Test
    void theEnterpriseNameIsReadAgainButThePhoneStays() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application draft = bed.fillIn(bed.firstIssueC3());
        bed.enterprise(USCC, "上海建工一建（集团）有限公司");

        Application submitted = bed.submit(draft);

        assertEquals(new ApplicationEnterprise(USCC, "上海建工一建（集团）有限公司", "021-12345678"), submitted.enterprise());
    }

    @Test
    void examsPassedAfterTheDraftWasStartedAreShown() {
        Application draft = bed.fillIn(bed.firstIssueC3());
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 11, 20), true);

        Application submitted = bed.submit(draft);

        assertEquals(List.of(new ExamResult(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 11, 20), true)),
                submitted.exams());
    }

    @Test
    void anEmployerChangeListsCertificatesAsTheyStandAtSubmit() {
        bed.certificate(C3_NO, Category.C3, Position.P08, OTHER_USCC, C3_FROM, CertificateStatus.VALID);
        Application draft = bed.fillIn(bed.create(new NewApplication(ApplicationType.EMPLOYER_CHANGE, null, null, null, null, null)));
        bed.certificate(A_NO, Category.A, Position.P01, OTHER_USCC, LocalDate.of(2025, 1, 1), CertificateStatus.VALID);

        Application submitted = bed.submit(draft);

        assertEquals(List.of(A_NO, C3_NO), submitted.certificates().stream().map(Certificate::certificateNo).toList());
        assertEquals(OTHER_USCC_NAME, submitted.certificates().getFirst().enterpriseName());
    }

    // ---- submit and save together ----

    @Test
    void aSubmitAfterASaveAfterASubmitIsRecordedAgain() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application submitted = bed.submit(bed.fillIn(bed.firstIssueC3()));
        Application saved = bed.save(submitted, new ApplicationChanges("13900001111", null, null, null, null, null, submitted.version()));
        assertNull(saved.submittedAt());

        Application again = submitLater(saved);

        assertEquals(LATER, again.submittedAt());
        assertEquals("13900001111", again.enterprise().phone());
    }

    @Test
    void aSubmitOfTheVersionOnScreenIsRecorded() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application filled = bed.fillIn(bed.firstIssueC3());

        Application submitted = bed.service.submit(ZHANG_ID, filled.applicationNo(), filled.version());

        assertEquals(filled.version() + 1, submitted.version());
        assertEquals(submitted, bed.stored(filled));
    }

    @Test
    void aSubmitOfAVersionNoLongerCurrentIsRefusedAndChangesNothing() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application filled = bed.fillIn(bed.firstIssueC3());
        Application submitted = bed.service.submit(ZHANG_ID, filled.applicationNo(), filled.version());

        DomainProblem problem = refused(() -> bed.service.submit(ZHANG_ID, filled.applicationNo(), filled.version()));

        assertEquals("CONCURRENT_UPDATE", problem.code());
        assertEquals(submitted, bed.stored(filled));
        assertEquals(List.of(Action.CREATED, Action.SAVED, Action.SUBMITTED),
                bed.applications.events(filled.applicationNo()).stream().map(ApplicationEvent::action).toList());
    }

    @Test
    void aSubmitRendersTheFormAndStoresItBeforeTheApplicationPointsAtIt() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application filled = bed.fillIn(bed.firstIssueC3());

        Application submitted = bed.service.submit(ZHANG_ID, filled.applicationNo());

        DocumentRef form = submitted.documents().getFirst();
        assertEquals("form", form.kind());
        assertEquals("考核发证申请表_20261127100000.pdf", form.fileName());
        String stored = new String(bed.registry.get(form.key()).orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(stored.contains("安管人员考核发证申请表") && stored.contains(ZHANG_ID) && stored.contains("v" + submitted.version()), stored);
    }

    @Test
    void aSaveAfterTheSubmitClearsItsForm() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application submitted = bed.service.submit(ZHANG_ID, bed.fillIn(bed.firstIssueC3()).applicationNo());

        Application saved = bed.fillIn(submitted);

        assertEquals(List.of(), saved.documents());
        assertEquals(null, saved.submittedAt());
    }

    @Test
    void aRetriedSubmitWithoutAVersionStandsAsRecordedAndRecordsNothingTwice() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application filled = bed.fillIn(bed.firstIssueC3());
        Application submitted = bed.service.submit(ZHANG_ID, filled.applicationNo());
        bed.clock.advance(Duration.ofMinutes(1));

        Application again = bed.service.submit(ZHANG_ID, filled.applicationNo());

        assertEquals(submitted, again);
        assertEquals(submitted, bed.stored(filled));
        assertEquals(List.of(Action.CREATED, Action.SAVED, Action.SUBMITTED),
                bed.applications.events(filled.applicationNo()).stream().map(ApplicationEvent::action).toList());
    }

    @Test
    void theAuditTrailReadsCreatedSavedSubmittedDeletedInOrder() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application draft = bed.firstIssueC3();
        bed.clock.advance(Duration.ofMinutes(1));
        Application filled = bed.fillIn(draft);
        bed.clock.advance(Duration.ofMinutes(1));
        bed.submit(filled);
        bed.clock.advance(Duration.ofMinutes(1));
        bed.service.delete(ZHANG_ID, draft.applicationNo());

        List<ApplicationEvent> events = bed.applications.events(draft.applicationNo());

        assertEquals(List.of(Action.CREATED, Action.SAVED, Action.SUBMITTED, Action.DELETED),
                events.stream().map(ApplicationEvent::action).toList());
        assertEquals(List.of(NOW, NOW.plusSeconds(60), NOW.plusSeconds(120), NOW.plusSeconds(180)),
                events.stream().map(ApplicationEvent::at).toList());
        assertTrue(events.stream().allMatch(e -> e.actorRole().equals("person") && e.actor().equals(ZHANG_ID)));
    }
}
