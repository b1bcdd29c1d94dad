package anguan.domain.application;

import static anguan.domain.application.ApplicationTestbed.C3_FROM;
import static anguan.domain.application.ApplicationTestbed.C3_NO;
import static anguan.domain.application.ApplicationTestbed.EXTERNAL_NO;
import static anguan.domain.application.ApplicationTestbed.NOW;
import static anguan.domain.application.ApplicationTestbed.OTHER_USCC;
import static anguan.domain.application.ApplicationTestbed.ZHANG_ID;
import static anguan.domain.application.ApplicationTestbed.codes;
import static anguan.domain.application.ApplicationTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.ApplicationEvent.Action;
import anguan.domain.application.claim.Claim;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.person.ExamType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 不得重复申请 when the person's applications are read from an index that lags behind (as DynamoDB's
 * do): two submits that cannot see each other there must still not both pass.
 */
class SubmittingAtTheSameMomentTest {
    private final ApplicationTestbed bed = ApplicationTestbed.zhangAtUscc();

    /** Two drafts the applicant index does not know yet: each submit sees no other application. */
    private List<Application> twoUnindexed(Callable<Application> create) throws Exception {
        bed.registry.freezeApplicantIndex();
        return List.of(bed.fillIn(create.call()), bed.fillIn(create.call()));
    }

    private void assertBlockedBy(Application holder, Application refused) {
        DomainProblem problem = refused(() -> bed.submit(refused));
        assertEquals(List.of("APPLICATION_IN_PROGRESS"), codes(problem));
        assertTrue(problem.violations().getFirst().message().contains(holder.applicationNo()), problem.violations().toString());
        assertNull(bed.stored(refused).submittedAt());
        assertEquals(List.of(Action.CREATED, Action.SAVED),
                bed.applications.events(refused.applicationNo()).stream().map(ApplicationEvent::action).toList());
    }

    @Test
    void twoFirstIssuesOfOneCategoryMissingEachOtherInTheIndexCannotBothBeSubmitted() throws Exception {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        List<Application> drafts = twoUnindexed(bed::firstIssueC3);

        assertNotNull(bed.submit(drafts.get(0)).submittedAt());
        assertBlockedBy(drafts.get(0), drafts.get(1));
    }

    @Test
    void aTransferInBlocksAFirstIssueOfItsCategoryAndTheOtherWayRound() {
        bed.external(EXTERNAL_NO, ZHANG_ID, true, LocalDate.of(2027, 2, 28));
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C1, LocalDate.of(2026, 9, 1), true);
        bed.registry.freezeApplicantIndex();
        Application transferIn = bed.fillIn(bed.create(new NewApplication(ApplicationType.TRANSFER_IN, null, Position.P08,
                null, EXTERNAL_NO, null)));
        Application firstIssue = bed.fillIn(bed.create(new NewApplication(ApplicationType.FIRST_ISSUE, Category.C1,
                Position.P08, null, null, null)));

        bed.submit(transferIn);
        assertBlockedBy(transferIn, firstIssue);

        bed.service.delete(ZHANG_ID, transferIn.applicationNo());
        bed.submit(firstIssue);
        Application again = bed.fillIn(bed.create(new NewApplication(ApplicationType.TRANSFER_IN, null, Position.P08,
                null, EXTERNAL_NO, null)));
        assertBlockedBy(bed.stored(firstIssue), again);
    }

    @Test
    void aRenewalAndACancellationOfOneCertificateCannotBothBeSubmitted() {
        bed.validC3();
        bed.exam(ZHANG_ID, ExamType.CONTINUING, Category.C3, LocalDate.of(2025, 6, 1), true);
        bed.registry.freezeApplicantIndex();
        Application renewal = bed.fillIn(bed.onCertificate(ApplicationType.RENEWAL, C3_NO));
        Application cancellation = bed.save(bed.onCertificate(ApplicationType.CANCELLATION, C3_NO),
                new ApplicationChanges("021-12345678", true, null, CancelReason.LEFT_POST, null, null, 1L));

        bed.submit(renewal);
        assertBlockedBy(renewal, cancellation);
    }

    @Test
    void applicationsOnDifferentCertificatesDoNotBlockEachOther() {
        bed.validC3();
        bed.certificate(ApplicationTestbed.B_NO, Category.B, Position.P07, ApplicationTestbed.USCC,
                LocalDate.of(2025, 1, 1), CertificateStatus.VALID);
        bed.registry.freezeApplicantIndex();
        Application outC3 = bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, C3_NO));
        Application outB = bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, ApplicationTestbed.B_NO));

        assertNotNull(bed.submit(outC3).submittedAt());
        assertNotNull(bed.submit(outB).submittedAt());
    }

    @Test
    void anApplicationDeletedWithoutReleasingItsClaimDoesNotBlock() throws Exception {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        List<Application> drafts = twoUnindexed(bed::firstIssueC3);
        Application first = bed.submit(drafts.get(0));
        // the delete was written, then the function died before it released the claim
        bed.applications.update(first.toBuilder().deletedAt(NOW).version(first.version() + 1).build(), first.version());

        assertNotNull(bed.submit(drafts.get(1)).submittedAt());
    }

    @Test
    void aDecidedApplicationWhoseClaimWasNotReleasedDoesNotBlock() throws Exception {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        List<Application> drafts = twoUnindexed(bed::firstIssueC3);
        bed.advance(bed.submit(drafts.get(0)), ApplicationStatus.REJECTED);

        assertNotNull(bed.submit(drafts.get(1)).submittedAt());
    }

    @Test
    void aSubmitRefusedPartWayTakesBackTheClaimsItHadTaken() {
        bed.certificate(ApplicationTestbed.A_NO, Category.A, Position.P02, OTHER_USCC, LocalDate.of(2025, 1, 1),
                CertificateStatus.VALID);
        bed.certificate(C3_NO, Category.C3, Position.P08, OTHER_USCC, C3_FROM, CertificateStatus.VALID);
        bed.registry.freezeApplicantIndex();
        Application outC3 = bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, C3_NO));
        Application move = bed.fillIn(bed.create(new NewApplication(ApplicationType.EMPLOYER_CHANGE, null, null, null, null, null)));
        bed.submit(outC3);

        // the employer change takes its A certificate first (the fixed order), then finds the C3 held
        assertBlockedBy(outC3, move);

        assertEquals(List.of(outC3.applicationNo()), holders());
        assertNotNull(bed.submit(bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, ApplicationTestbed.A_NO)))
                .submittedAt());
    }

    @Test
    void anEmployerChangeThatNoLongerListsACertificateNoLongerHoldsIt() {
        bed.certificate(ApplicationTestbed.A_NO, Category.A, Position.P02, OTHER_USCC, LocalDate.of(2025, 1, 1),
                CertificateStatus.VALID);
        Certificate c3 = bed.certificate(C3_NO, Category.C3, Position.P08, OTHER_USCC, C3_FROM, CertificateStatus.VALID);
        bed.registry.freezeApplicantIndex();
        Application move = bed.submit(bed.fillIn(bed.create(
                new NewApplication(ApplicationType.EMPLOYER_CHANGE, null, null, null, null, null))));
        // the registry moves the C3 to the new employer meanwhile; a save lists only the A certificate now
        bed.change(c3, c -> new Certificate(c.certificateNo(), c.idNo(), c.name(), c.category(), c.position(),
                ApplicationTestbed.USCC, ApplicationTestbed.USCC_NAME, c.firstIssueDate(), c.validFrom(), c.validTo(),
                c.status(), c.photoKey(), c.licenceVersion(), c.licenceId(), c.ofdFileName()));
        Application saved = bed.save(move, new ApplicationChanges(null, null, null, null, null, null, move.version()));
        assertEquals(List.of(ApplicationTestbed.A_NO), saved.certificates().stream().map(Certificate::certificateNo).toList());

        Application outC3 = bed.submit(bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, C3_NO)));

        assertNotNull(outC3.submittedAt());
    }

    @Test
    void aSubmitAgainAfterASaveKeepsItsClaims() throws Exception {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        List<Application> drafts = twoUnindexed(bed::firstIssueC3);
        Application first = bed.submit(drafts.get(0));
        Application again = bed.submit(bed.fillIn(first));

        assertNotNull(again.submittedAt());
        assertBlockedBy(again, drafts.get(1));
    }

    /** The applications holding a claim of the applicant's, once each. */
    private List<String> holders() {
        return bed.registry.claims(ZHANG_ID).stream().map(Claim::applicationNo).distinct().toList();
    }

    @Test
    void ofEightFirstIssuesSubmittedAtOnceExactlyOnePasses() throws Exception {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        bed.registry.freezeApplicantIndex();
        List<Application> drafts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            drafts.add(bed.fillIn(bed.firstIssueC3()));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(drafts.size())) {
            for (Application draft : drafts) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        bed.submit(draft);
                        return "SUBMITTED";
                    } catch (DomainProblem problem) {
                        return String.join(",", codes(problem));
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertEquals(1, results.stream().filter("SUBMITTED"::equals).count(), results.toString());
            assertTrue(results.stream().allMatch(r -> r.equals("SUBMITTED") || r.equals("APPLICATION_IN_PROGRESS")),
                    results.toString());
        }
    }
}
