package anguan.domain.application;

import static anguan.domain.application.ApplicationTestbed.C3_NO;
import static anguan.domain.application.ApplicationTestbed.LI_ID;
import static anguan.domain.application.ApplicationTestbed.NOW;
import static anguan.domain.application.ApplicationTestbed.ZHANG_ID;
import static anguan.domain.application.ApplicationTestbed.codes;
import static anguan.domain.application.ApplicationTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.ApplicationEvent.Action;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.person.ExamType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DELETE /applications/{no}: allowed until the enterprise has signed. */
class DeletingAnApplicationTest {
    private final ApplicationTestbed bed = ApplicationTestbed.zhangAtUscc();

    private ApplicationQuery all() {
        return new ApplicationQuery(null, null, 1, 10);
    }

    @Test
    void aDraftCanBeDeleted() {
        Application draft = bed.firstIssueC3();
        bed.clock.advance(Duration.ofMinutes(3));

        bed.service.delete(ZHANG_ID, draft.applicationNo());

        Application deleted = bed.stored(draft);
        assertEquals(NOW.plus(Duration.ofMinutes(3)), deleted.deletedAt());
        assertEquals(2, deleted.version());
    }

    @Test
    void anApplicationSignedOnlyByThePersonCanBeDeleted() {
        Application awaiting = bed.advance(bed.firstIssueC3(), ApplicationStatus.AWAITING_ENTERPRISE);

        bed.service.delete(ZHANG_ID, awaiting.applicationNo());

        assertTrue(bed.stored(awaiting).isDeleted());
    }

    @Test
    void aSubmittedDraftCanBeDeleted() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application submitted = bed.submit(bed.fillIn(bed.firstIssueC3()));

        bed.service.delete(ZHANG_ID, submitted.applicationNo());

        assertTrue(bed.stored(submitted).isDeleted());
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationStatus.class, names = {"UNDER_REVIEW", "APPROVED", "REJECTED"})
    void anApplicationTheEnterpriseHasSignedCannotBeDeleted(ApplicationStatus status) {
        Application signed = bed.advance(bed.firstIssueC3(), status);

        DomainProblem problem = refused(() -> bed.service.delete(ZHANG_ID, signed.applicationNo()));

        assertEquals(DomainProblem.Kind.INVALID_STATE, problem.kind());
        assertEquals("INVALID_STATE", problem.code());
        assertNull(bed.stored(signed).deletedAt());
        assertEquals(signed, bed.service.get(ZHANG_ID, signed.applicationNo()));
    }

    @Test
    void anApplicationInsertedUnderReviewCannotBeDeleted() {
        Application underReview = bed.firstIssueC3().toBuilder().applicationNo("W2026112000001")
                .status(ApplicationStatus.UNDER_REVIEW).enterpriseSignedAt(NOW).build();
        bed.applications.insert(underReview);

        assertEquals(DomainProblem.Kind.INVALID_STATE,
                refused(() -> bed.service.delete(ZHANG_ID, "W2026112000001")).kind());
    }

    @Test
    void aDeletedApplicationIsGoneForItsOwner() {
        Application draft = bed.firstIssueC3();
        bed.service.delete(ZHANG_ID, draft.applicationNo());

        assertEquals(DomainProblem.Kind.NOT_FOUND, refused(() -> bed.service.get(ZHANG_ID, draft.applicationNo())).kind());
        assertEquals(DomainProblem.Kind.NOT_FOUND, refused(() -> bed.service.events(ZHANG_ID, draft.applicationNo())).kind());
        assertEquals(DomainProblem.Kind.NOT_FOUND,
                refused(() -> bed.save(draft, new ApplicationChanges(null, true, null, null, null, null, 2L))).kind());
        assertEquals(DomainProblem.Kind.NOT_FOUND, refused(() -> bed.submit(draft)).kind());
        assertEquals(0, bed.service.list(ZHANG_ID, all()).total());
    }

    @Test
    void deletingTwiceIsNotFound() {
        Application draft = bed.firstIssueC3();
        bed.service.delete(ZHANG_ID, draft.applicationNo());

        assertEquals(DomainProblem.Kind.NOT_FOUND, refused(() -> bed.service.delete(ZHANG_ID, draft.applicationNo())).kind());
    }

    @Test
    void aDeletedApplicationLeavesTheListAndTheOthersStay() {
        Application first = bed.firstIssueC3();
        bed.clock.advance(Duration.ofMinutes(1));
        Application second = bed.create(new NewApplication(ApplicationType.FIRST_ISSUE, Category.A,
                Position.P01, null, null, null));

        bed.service.delete(ZHANG_ID, first.applicationNo());

        Page<Application> page = bed.service.list(ZHANG_ID, all());
        assertEquals(1, page.total());
        assertEquals(List.of(second.applicationNo()), page.items().stream().map(Application::applicationNo).toList());
    }

    @Test
    void someoneElseCannotDeleteAnApplication() {
        Application draft = bed.firstIssueC3();
        bed.person(LI_ID, "李四", null);

        assertEquals(DomainProblem.Kind.NOT_FOUND, refused(() -> bed.service.delete(LI_ID, draft.applicationNo())).kind());
        assertNull(bed.stored(draft).deletedAt());
    }

    @Test
    void aDeletedApplicationNoLongerBlocksANewOneForTheSameCertificate() {
        bed.validC3();
        Application first = bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, C3_NO));
        Application second = bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, C3_NO));
        assertEquals(List.of("APPLICATION_IN_PROGRESS"), codes(refused(() -> bed.submit(second))));

        bed.service.delete(ZHANG_ID, first.applicationNo());

        assertEquals(ApplicationStatus.DRAFT, bed.submit(second).status());
    }

    @Test
    void deletingIsTheLastLineOfTheAuditTrail() {
        Application draft = bed.firstIssueC3();
        bed.clock.advance(Duration.ofMinutes(1));
        bed.service.delete(ZHANG_ID, draft.applicationNo());

        List<ApplicationEvent> events = bed.applications.events(draft.applicationNo());
        assertEquals(List.of(Action.CREATED, Action.DELETED), events.stream().map(ApplicationEvent::action).toList());
        assertEquals(NOW.plus(Duration.ofMinutes(1)), events.getLast().at());
        assertEquals(ZHANG_ID, events.getLast().actor());
    }
}
