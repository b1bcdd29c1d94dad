package anguan.domain.application;

import static anguan.domain.application.ApplicationTestbed.C3_FROM;
import static anguan.domain.application.ApplicationTestbed.C3_NO;
import static anguan.domain.application.ApplicationTestbed.LI_ID;
import static anguan.domain.application.ApplicationTestbed.NOW;
import static anguan.domain.application.ApplicationTestbed.OTHER_USCC;
import static anguan.domain.application.ApplicationTestbed.OTHER_USCC_NAME;
import static anguan.domain.application.ApplicationTestbed.USCC;
import static anguan.domain.application.ApplicationTestbed.USCC_NAME;
import static anguan.domain.application.ApplicationTestbed.ZHANG_ID;
import static anguan.domain.application.ApplicationTestbed.codes;
import static anguan.domain.application.ApplicationTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.person.ExamType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 保存: PUT /applications/{no}. */
class SavingAnApplicationTest {
    private final ApplicationTestbed bed = ApplicationTestbed.zhangAtUscc();

    private static ApplicationChanges phone(String phone, long version) {
        return new ApplicationChanges(phone, null, null, null, null, null, version);
    }

    private static ApplicationChanges version(long version) {
        return new ApplicationChanges(null, null, null, null, null, null, version);
    }

    @Test
    void aSaveStoresWhatThePersonEnteredAndRaisesTheVersion() {
        Application draft = bed.firstIssueC3();
        bed.clock.advance(Duration.ofMinutes(5));

        Application saved = bed.save(draft, new ApplicationChanges(" 021-12345678 ", true, Position.P08, null, null, null, 1L));

        assertEquals("021-12345678", saved.enterprise().phone());
        assertEquals(USCC, saved.enterprise().uscc());
        assertEquals(USCC_NAME, saved.enterprise().name());
        assertTrue(saved.consent());
        assertEquals(2, saved.version());
        assertEquals(NOW, saved.createdAt());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), saved.updatedAt());
        assertEquals(ApplicationStatus.DRAFT, saved.status());
        assertEquals(saved, bed.stored(draft));
    }

    @Test
    void aFieldLeftOutKeepsItsValue() {
        Application draft = bed.firstIssueC3();
        Application first = bed.save(draft, new ApplicationChanges("021-12345678", true, null, null, null, null, 1L));

        Application second = bed.save(first, new ApplicationChanges(null, null, Position.P08, null, null, null, 2L));

        assertEquals("021-12345678", second.enterprise().phone());
        assertTrue(second.consent());
        assertEquals(Position.P08, second.position());
    }

    @Test
    void theConsentCanBeWithdrawn() {
        Application saved = bed.save(bed.firstIssueC3(), new ApplicationChanges(null, true, null, null, null, null, 1L));

        Application withdrawn = bed.save(saved, new ApplicationChanges(null, false, null, null, null, null, 2L));

        assertFalse(withdrawn.consent());
    }

    @Test
    void aSaveWithoutAVersionIsABadRequest() {
        Application draft = bed.firstIssueC3();

        DomainProblem problem = refused(() -> bed.save(draft, new ApplicationChanges("021-12345678", null, null, null, null, null, null)));

        assertEquals(DomainProblem.Kind.BAD_REQUEST, problem.kind());
        assertEquals("BAD_REQUEST", problem.code());
        assertEquals(draft, bed.stored(draft));
    }

    @Test
    void aSaveOverAStaleVersionIsAConcurrentUpdate() {
        Application draft = bed.firstIssueC3();
        bed.save(draft, phone("021-12345678", 1));

        DomainProblem problem = refused(() -> bed.save(draft, phone("13900001111", 1)));

        assertEquals(DomainProblem.Kind.CONCURRENT_UPDATE, problem.kind());
        assertEquals("CONCURRENT_UPDATE", problem.code());
        assertEquals("021-12345678", bed.stored(draft).enterprise().phone());
        assertEquals(2, bed.stored(draft).version());
    }

    @Test
    void aSaveFromTheFutureIsAConcurrentUpdateToo() {
        Application draft = bed.firstIssueC3();

        assertEquals(DomainProblem.Kind.CONCURRENT_UPDATE, refused(() -> bed.save(draft, phone("021-12345678", 7))).kind());
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void onlyADraftCanBeSaved(ApplicationStatus status) {
        Application moved = bed.advance(bed.firstIssueC3(), status);

        DomainProblem problem = refused(() -> bed.save(moved, phone("021-12345678", moved.version())));

        assertEquals(DomainProblem.Kind.INVALID_STATE, problem.kind());
        assertEquals("INVALID_STATE", problem.code());
        assertEquals(moved, bed.stored(moved));
    }

    @Test
    void aSaveAfterSubmitClearsTheSubmission() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application submitted = bed.submit(bed.fillIn(bed.firstIssueC3()));
        assertNotNull(submitted.submittedAt());

        Application saved = bed.save(submitted, version(submitted.version()));

        assertNull(saved.submittedAt());
        assertTrue(saved.documents().isEmpty());
        assertNull(bed.stored(saved).submittedAt());
        assertEquals(ApplicationStatus.DRAFT, saved.status());
    }

    @Test
    void someoneElsesApplicationCannotBeSaved() {
        Application draft = bed.firstIssueC3();
        bed.person(LI_ID, "李四", null);

        DomainProblem problem = refused(() -> bed.service.save(LI_ID, draft.applicationNo(), phone("021-12345678", 1)));

        assertEquals(DomainProblem.Kind.NOT_FOUND, problem.kind());
        assertEquals(draft, bed.stored(draft));
    }

    @Test
    void anUnknownApplicationIsNotFound() {
        DomainProblem problem = refused(() -> bed.service.save(ZHANG_ID, "W2026112799999", phone("021-12345678", 1)));

        assertEquals(DomainProblem.Kind.NOT_FOUND, problem.kind());
    }

    // ---- what each type lets the person edit ----

    @ParameterizedTest
    @EnumSource(value = ApplicationType.class, names = {"RENEWAL", "TRANSFER_OUT", "CANCELLATION"})
    void thePositionOfACertificateCannotBeEditedThroughAnApplication(ApplicationType type) {
        bed.validC3();
        Application draft = bed.onCertificate(type, C3_NO);

        DomainProblem problem = refused(() -> bed.save(draft, new ApplicationChanges("021-12345678", true, Position.P01,
                null, null, null, 1L)));

        assertEquals(DomainProblem.Kind.VALIDATION_FAILED, problem.kind());
        assertEquals(List.of("FIELD_NOT_EDITABLE"), codes(problem));
        assertEquals("position", problem.violations().getFirst().field());
        assertEquals(draft, bed.stored(draft));
    }

    @Test
    void aTransferInLetsThePersonPickThePosition() {
        bed.external(ApplicationTestbed.EXTERNAL_NO, ZHANG_ID, true, LocalDate.of(2027, 2, 28));
        Application draft = bed.create(new NewApplication(ApplicationType.TRANSFER_IN, null, null, null,
                ApplicationTestbed.EXTERNAL_NO, null));

        assertEquals(Position.P08, bed.save(draft, new ApplicationChanges(null, null, Position.P08, null, null, null, 1L)).position());
    }

    @Test
    void aCancellationStoresItsReason() {
        bed.validC3();
        Application draft = bed.onCertificate(ApplicationType.CANCELLATION, C3_NO);

        Application saved = bed.save(draft, new ApplicationChanges(null, null, null, CancelReason.OTHER, "  出国定居  ", null, 1L));

        assertEquals(CancelReason.OTHER, saved.cancelReason());
        assertEquals("出国定居", saved.cancelReasonText());
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationType.class, names = {"RENEWAL", "TRANSFER_OUT"})
    void onlyACancellationTakesACancelReason(ApplicationType type) {
        bed.validC3();
        Application draft = bed.onCertificate(type, C3_NO);

        DomainProblem problem = refused(() -> bed.save(draft, new ApplicationChanges(null, null, null,
                CancelReason.SELF_REQUEST, null, null, 1L)));

        assertEquals(List.of("FIELD_NOT_EDITABLE"), codes(problem));
        assertEquals("cancelReason", problem.violations().getFirst().field());
        assertNull(bed.stored(draft).cancelReason());
    }

    @Test
    void aFirstIssueTakesNoCancelReasonText() {
        Application draft = bed.firstIssueC3();

        DomainProblem problem = refused(() -> bed.save(draft, new ApplicationChanges(null, null, null, null, "其他原因", null, 1L)));

        assertEquals(List.of("FIELD_NOT_EDITABLE"), codes(problem));
    }

    @Test
    void everyFieldThatCannotBeEditedIsReportedTogether() {
        bed.validC3();
        Application draft = bed.onCertificate(ApplicationType.RENEWAL, C3_NO);

        DomainProblem problem = refused(() -> bed.save(draft, new ApplicationChanges(null, null, Position.P08,
                CancelReason.SELF_REQUEST, null, OTHER_USCC, 1L)));

        assertEquals(List.of("position", "cancelReason", "uscc"),
                problem.violations().stream().map(v -> v.field()).toList());
        assertEquals(1, bed.stored(draft).version());
    }

    @Test
    void theEnterpriseCanBeSwitchedToAnotherEmployerByUscc() {
        bed.employ(ZHANG_ID, OTHER_USCC, LocalDate.of(2024, 1, 1), null);
        Application draft = bed.create(new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, USCC));
        Application withPhone = bed.save(draft, phone("021-12345678", 1));

        Application switched = bed.save(withPhone, new ApplicationChanges(null, null, null, null, null, OTHER_USCC.toLowerCase(), 2L));

        assertEquals(new ApplicationEnterprise(OTHER_USCC, OTHER_USCC_NAME, "021-12345678"), switched.enterprise());
    }

    @Test
    void anInvalidUsccIsRefusedOnSave() {
        Application draft = bed.firstIssueC3();

        DomainProblem problem = refused(() -> bed.save(draft, new ApplicationChanges(null, null, null, null, null, "nonsense", 1L)));

        assertEquals(List.of("INVALID_USCC"), codes(problem));
        assertEquals(USCC, bed.stored(draft).enterprise().uscc());
    }

    @Test
    void anEmployerChangeRelistsTheCertificatesWhenTheNewEnterpriseChanges() {
        bed.employ(ZHANG_ID, OTHER_USCC, LocalDate.of(2024, 1, 1), null);
        bed.certificate(C3_NO, Category.C3, Position.P08, OTHER_USCC, C3_FROM, CertificateStatus.VALID);
        Application draft = bed.create(new NewApplication(ApplicationType.EMPLOYER_CHANGE, null, null, null, null, USCC));
        assertEquals(1, draft.certificates().size());

        Application saved = bed.save(draft, new ApplicationChanges(null, null, null, null, null, OTHER_USCC, 1L));

        assertTrue(saved.certificates().isEmpty());
    }

    // ---- audit ----

    @Test
    void eachSaveIsOneLineOfTheAuditTrailAndARefusedOneIsNone() {
        Application draft = bed.firstIssueC3();
        Application saved = bed.save(draft, phone("021-12345678", 1));
        refused(() -> bed.save(saved, phone("021-12345678", 1)));
        bed.save(saved, phone("13900001111", 2));

        assertEquals(List.of(ApplicationEvent.Action.CREATED, ApplicationEvent.Action.SAVED, ApplicationEvent.Action.SAVED),
                bed.service.events(ZHANG_ID, draft.applicationNo()).stream().map(ApplicationEvent::action).toList());
    }
}
