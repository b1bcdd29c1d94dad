package anguan.domain.application;

import static anguan.domain.application.ApplicationTestbed.C3_NO;
import static anguan.domain.application.ApplicationTestbed.EXTERNAL_NO;
import static anguan.domain.application.ApplicationTestbed.ZHANG_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.claim.ApplicationClaims;
import anguan.domain.application.claim.Claim;
import anguan.domain.application.claim.ClaimTarget;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.person.ExamType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The claims a submit takes last until the application is deleted or rejected, or approved and its
 * effect applied (the certificate the checks then see): an approval alone does not end them.
 */
class ClosingAnApplicationReleasesItsClaimsTest {
    private final ApplicationTestbed bed = ApplicationTestbed.zhangAtUscc();
    private final ApplicationClaims claims = new ApplicationClaims(bed.registry.claimRepository(), bed.applications);

    private List<ClaimTarget> claimed() {
        return bed.registry.claims(ZHANG_ID).stream().map(Claim::target).toList();
    }

    private Application submittedTransferIn() {
        bed.external(EXTERNAL_NO, ZHANG_ID, true, LocalDate.of(2027, 2, 28));
        return bed.submit(bed.fillIn(bed.create(new NewApplication(ApplicationType.TRANSFER_IN, null, Position.P08, null,
                EXTERNAL_NO, null))));
    }

    @Test
    void aSubmittedTransferInHoldsItsCategoryAndItsOriginalNumber() {
        Application submitted = submittedTransferIn();

        assertEquals(List.of(ClaimTarget.category(Category.C1), ClaimTarget.original(EXTERNAL_NO)), claimed());
        assertTrue(bed.registry.claims(ZHANG_ID).stream().allMatch(c -> c.isOf(submitted.applicationNo())));
    }

    @Test
    void deletingAnApplicationReleasesItsClaims() {
        Application submitted = submittedTransferIn();

        bed.service.delete(ZHANG_ID, submitted.applicationNo());

        assertEquals(List.of(), claimed());
    }

    @Test
    void aRejectionReleasesTheClaimsWhenTheReviewCallsForIt() {
        bed.validC3();
        Application submitted = bed.submit(bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, C3_NO)));
        Application decided = bed.advance(submitted, ApplicationStatus.REJECTED);
        assertEquals(List.of(ClaimTarget.certificate(C3_NO)), claimed());

        claims.release(decided);

        assertEquals(List.of(), claimed());
    }

    @Test
    void anApprovedApplicationWhoseEffectIsNotAppliedYetKeepsItsClaimsAndBlocksASecondApplication() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application approved = bed.advance(bed.submit(bed.fillIn(bed.firstIssueC3())), ApplicationStatus.APPROVED);
        Application second = bed.fillIn(bed.firstIssueC3());

        assertThrows(IllegalArgumentException.class, () -> claims.release(approved));
        DomainProblem problem = assertThrows(DomainProblem.class, () -> bed.submit(second));
        assertEquals(List.of("APPLICATION_IN_PROGRESS"), problem.violations().stream().map(v -> v.code()).toList());
        assertTrue(problem.violations().getFirst().message().contains(approved.applicationNo()), problem.violations().toString());
        assertEquals(List.of(ClaimTarget.category(Category.C3)), claimed());
        assertTrue(bed.registry.claims(ZHANG_ID).stream().allMatch(c -> c.isOf(approved.applicationNo())));
    }

    @Test
    void onceTheEffectIsAppliedTheClaimsAreReleasedAndStaleLeftoversAreTakenOver() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application approved = bed.advance(bed.submit(bed.fillIn(bed.firstIssueC3())), ApplicationStatus.APPROVED);
        Application applied = approved.toBuilder().effectAppliedAt(approved.decidedAt()).version(approved.version() + 1).build();
        bed.applications.update(applied, approved.version());

        // left in place (a crash before the release): no longer held, so a new submit takes it over
        Application second = bed.submit(bed.fillIn(bed.firstIssueC3()));
        assertTrue(bed.registry.claims(ZHANG_ID).stream().allMatch(c -> c.isOf(second.applicationNo())));

        claims.release(applied);
        assertEquals(List.of(ClaimTarget.category(Category.C3)), claimed(), "the other application's claim stays");
    }

    @Test
    void anOpenApplicationKeepsItsClaims() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        Application submitted = bed.submit(bed.fillIn(bed.firstIssueC3()));

        assertThrows(IllegalArgumentException.class, () -> claims.release(submitted));
        assertEquals(List.of(ClaimTarget.category(Category.C3)), claimed());
    }

    @Test
    void releasingLeavesTheClaimsOfOtherApplicationsAlone() {
        bed.validC3();
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.A, LocalDate.of(2026, 9, 1), true);
        Application out = bed.submit(bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, C3_NO)));
        bed.submit(bed.fillIn(bed.create(new NewApplication(ApplicationType.FIRST_ISSUE, Category.A, Position.P02, null,
                null, null))));

        claims.release(bed.advance(out, ApplicationStatus.REJECTED));

        assertEquals(List.of(ClaimTarget.category(Category.A)), claimed());
    }
}
