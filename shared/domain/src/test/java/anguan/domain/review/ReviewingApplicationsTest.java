package anguan.domain.review;

import static anguan.domain.review.ReviewTestbed.ENTERPRISE_MOBILE;
import static anguan.domain.review.ReviewTestbed.NOW;
import static anguan.domain.review.ReviewTestbed.REVIEWER;
import static anguan.domain.review.ReviewTestbed.WANG_ID;
import static anguan.domain.review.ReviewTestbed.WANG_MOBILE;
import static anguan.domain.review.ReviewTestbed.ZHAO_ID;
import static anguan.domain.review.ReviewTestbed.ZHAO_MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationDocuments;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.DecisionResult.Outcome;
import anguan.domain.application.claim.ApplicationClaims;
import anguan.domain.common.DomainProblem;
import anguan.domain.issuance.IssueOrder;
import anguan.domain.notification.Notice;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 审批 (API.md, Reviewer): the queue, the details, and the decision with what it sets going. */
class ReviewingApplicationsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private final ReviewTestbed bed = new ReviewTestbed();

    private static ReviewQuery queue() {
        return new ReviewQuery(null, null, null, null, null, null, 1, 10);
    }

    private List<Notice> decisionNotices() {
        return bed.registry.notices().stream().filter(n -> n.id().startsWith("decided:")).toList();
    }

    private DomainProblem refusal(Runnable call) {
        return assertThrows(DomainProblem.class, call::run);
    }

    @Test
    void theQueueHoldsWhatTheEnterprisesSignedNewestFirstAndNoDrafts() {
        bed.submittedC3(WANG_ID);
        Application first = bed.zhaosC1();
        bed.clock.advance(Duration.ofMinutes(5));
        Application second = bed.wangsB();

        assertEquals(List.of(second.applicationNo(), first.applicationNo()),
                bed.review.list(queue()).items().stream().map(Application::applicationNo).toList());
        assertEquals(2, bed.review.list(queue()).total());
    }

    @Test
    void theFiltersNarrowTheQueue() {
        Application zhao = bed.zhaosC1();
        bed.clock.advance(Duration.ofDays(1));
        Application wang = bed.wangsB();

        assertEquals(List.of(zhao), bed.review.list(new ReviewQuery(null, null, "强", null, null, null, 1, 10)).items());
        assertEquals(List.of(wang), bed.review.list(new ReviewQuery(null, null, null, WANG_ID.toLowerCase(), null, null, 1, 10)).items());
        assertEquals(List.of(zhao), bed.review.list(new ReviewQuery(null, null, null, null, TODAY, TODAY, 1, 10)).items());
        assertEquals(List.of(wang), bed.review.list(new ReviewQuery(null, null, null, null, TODAY.plusDays(1), null, 1, 10)).items());
        assertEquals(0, bed.review.list(new ReviewQuery(null, ApplicationType.RENEWAL, null, null, null, null, 1, 10)).total());
        assertEquals(2, bed.review.list(new ReviewQuery(null, ApplicationType.FIRST_ISSUE, null, null, null, null, 1, 10)).total());
        assertEquals(List.of(zhao), bed.review.list(new ReviewQuery(null, null, null, null, null, null, 2, 1)).items());
    }

    @Test
    void decidedApplicationsLeaveTheQueueAndAreListedByTheirStatus() {
        Application wang = bed.wangsC3();
        Application approved = bed.review.decide(REVIEWER, wang.applicationNo(), Outcome.APPROVE, null, null);

        assertEquals(0, bed.review.list(queue()).total());
        assertEquals(List.of(approved), bed.review.list(new ReviewQuery(ApplicationStatus.APPROVED, null, null, null, null, null, 1, 10)).items());
        assertEquals(0, bed.review.list(new ReviewQuery(ApplicationStatus.DRAFT, null, null, null, null, null, 1, 10)).total());
    }

    @Test
    void reviewersSeeNothingThatHasNotReachedThem() {
        Application draft = bed.submittedC3(WANG_ID);

        assertEquals(DomainProblem.Kind.NOT_FOUND, refusal(() -> bed.review.get(draft.applicationNo())).kind());
        assertEquals(DomainProblem.Kind.NOT_FOUND, refusal(() -> bed.review.events(draft.applicationNo())).kind());
        assertEquals(DomainProblem.Kind.NOT_FOUND, refusal(() -> bed.review.get("W2026112799999")).kind());
        assertEquals(DomainProblem.Kind.NOT_FOUND, refusal(() -> bed.review.get("not-a-number")).kind());
        assertEquals(DomainProblem.Kind.NOT_FOUND,
                refusal(() -> bed.review.decide(REVIEWER, draft.applicationNo(), Outcome.APPROVE, null, null)).kind());
        ApplicationDocuments downloads = new ApplicationDocuments(bed.registry.applicationRepository(), bed.registry);
        assertEquals(DomainProblem.Kind.NOT_FOUND, refusal(() -> downloads.forReviewer(draft.applicationNo(), "form")).kind());
    }

    @Test
    void reviewersReadTheDetailsTheTrailAndTheSignedFiles() {
        Application wang = bed.wangsC3();
        ApplicationDocuments downloads = new ApplicationDocuments(bed.registry.applicationRepository(), bed.registry);

        assertEquals(wang, bed.review.get(wang.applicationNo()));
        assertEquals(ApplicationEvent.Action.ENTERPRISE_SIGNED, bed.review.events(wang.applicationNo()).getLast().action());
        assertTrue(downloads.forReviewer(wang.applicationNo(), "signed-form").fileName().endsWith("_sign.pdf"));
        assertTrue(downloads.forReviewer(wang.applicationNo(), "acceptance-notice").url().contains("acceptance-notice"));
        assertTrue(downloads.forReviewer(wang.applicationNo(), "photo").fileName().startsWith("照片_"));
    }

    @Test
    void anApprovalOrdersTheCertificateAndTellsThePersonAndTheEnterprise() {
        Application wang = bed.wangsC3();
        bed.clock.advance(Duration.ofHours(1));

        Application approved = bed.review.decide(REVIEWER, wang.applicationNo(), Outcome.APPROVE, "  材料齐全  ", null);

        assertEquals(ApplicationStatus.APPROVED, approved.status());
        assertEquals(Outcome.APPROVE, approved.decision().result());
        assertEquals("材料齐全", approved.decision().opinion());
        assertEquals(NOW.plus(Duration.ofHours(1)), approved.decidedAt());
        assertEquals(wang.version() + 1, approved.version());
        assertEquals(approved, bed.review.get(wang.applicationNo()));
        assertEquals(List.of(IssueOrder.approved(wang.applicationNo(), approved.decidedAt())), bed.registry.issueOrders());
        ApplicationEvent decided = bed.review.events(wang.applicationNo()).getLast();
        assertEquals(List.of(ApplicationEvent.Action.DECIDED, "reviewer", REVIEWER),
                List.of(decided.action(), decided.actorRole(), decided.actor()));
        List<Notice> told = decisionNotices();
        assertEquals(List.of(ENTERPRISE_MOBILE, WANG_MOBILE), told.stream().map(Notice::mobile).toList());
        told.forEach(n -> {
            assertEquals(Notice.Requires.APPROVED, n.requires());
            assertTrue(n.text().contains("准予许可") && n.text().contains(wang.applicationNo()), n.text());
            assertFalse(n.text().contains(WANG_ID), n.text());
        });
        assertTrue(told.getFirst().text().startsWith("【安管人员考核发证】贵单位王芳的考核发证申请"), told.getFirst().text());
        // An approved application keeps its claim until its certificate exists (the issuing judges again).
        assertFalse(bed.registry.claims(WANG_ID).isEmpty());
    }

    @Test
    void aRejectionCarriesItsOpinionToThePersonAndReleasesTheClaims() {
        Application zhao = bed.zhaosC1();
        assertFalse(bed.registry.claims(ZHAO_ID).isEmpty());

        Application rejected = bed.review.decide(REVIEWER, zhao.applicationNo(), Outcome.REJECT,
                "考试成绩与证件号310101199001011234不符", null);

        assertEquals(ApplicationStatus.REJECTED, rejected.status());
        assertEquals(List.of(), bed.registry.issueOrders());
        assertEquals(List.of(), bed.registry.claims(ZHAO_ID));
        // That enterprise has no contact mobile: only the person is told.
        List<Notice> told = decisionNotices();
        assertEquals(List.of(ZHAO_MOBILE), told.stream().map(Notice::mobile).toList());
        assertTrue(told.getFirst().text().contains("不予许可，审批意见：考试成绩与证件号31**************34不符。"), told.getFirst().text());
        assertFalse(told.getFirst().text().contains(ZHAO_ID));
    }

    @Test
    void aRejectionNeedsAnOpinionAndADecisionNeedsAnOutcome() {
        Application wang = bed.wangsC3();

        assertEquals("OPINION_REQUIRED", refusal(() -> bed.review.decide(REVIEWER, wang.applicationNo(), Outcome.REJECT, "  ", null)).code());
        assertEquals("OPINION_REQUIRED", refusal(() -> bed.review.decide(REVIEWER, wang.applicationNo(), Outcome.REJECT, null, null)).code());
        assertEquals("DECISION_REQUIRED", refusal(() -> bed.review.decide(REVIEWER, wang.applicationNo(), null, "好", null)).code());
        assertEquals("OPINION_TOO_LONG", refusal(() -> bed.review.decide(REVIEWER, wang.applicationNo(), Outcome.APPROVE,
                "很".repeat(ReviewService.MAX_OPINION + 1), null)).code());
        assertEquals(ApplicationStatus.UNDER_REVIEW, bed.review.get(wang.applicationNo()).status());
        assertEquals(List.of(), decisionNotices());
        assertEquals(List.of(), bed.registry.issueOrders());
    }

    @Test
    void aDecisionIsFinal() {
        Application wang = bed.wangsC3();
        bed.review.decide(REVIEWER, wang.applicationNo(), Outcome.REJECT, "照片不清晰", null);

        DomainProblem again = refusal(() -> bed.review.decide("reviewer-008", wang.applicationNo(), Outcome.APPROVE, null, null));

        assertEquals("INVALID_STATE", again.code());
        assertEquals(ApplicationStatus.REJECTED, bed.review.get(wang.applicationNo()).status());
        assertEquals(List.of(), bed.registry.issueOrders());
    }

    @Test
    void aDecisionOnAnOlderVersionThanStoredIsRefused() {
        Application wang = bed.wangsC3();

        assertEquals("CONCURRENT_UPDATE",
                refusal(() -> bed.review.decide(REVIEWER, wang.applicationNo(), Outcome.APPROVE, null, wang.version() - 1)).code());
        assertEquals(ApplicationStatus.APPROVED,
                bed.review.decide(REVIEWER, wang.applicationNo(), Outcome.APPROVE, null, wang.version()).status());
    }

    @Test
    void ofTwoReviewersDecidingAtOnceExactlyOneWins() throws Exception {
        // Eight rounds: the person gets at most ten SMS codes a day; each round a few minutes later (a code's resend interval).
        for (int round = 0; round < 8; round++) {
            bed.clock.advance(Duration.ofMinutes(3));
            Application application = round % 2 == 0 ? bed.wangsC3() : bed.wangsB();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> answers = new ArrayList<>();
            for (Outcome outcome : List.of(Outcome.APPROVE, Outcome.REJECT)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        return bed.review.decide("reviewer-" + outcome, application.applicationNo(), outcome, "意见", null).status().name();
                    } catch (DomainProblem p) {
                        return p.code();
                    }
                }));
            }
            start.countDown();
            List<String> got = new ArrayList<>();
            for (Future<String> f : answers) {
                got.add(f.get());
            }
            pool.shutdown();
            Application stored = bed.review.get(application.applicationNo());
            assertEquals(1, got.stream().filter(a -> a.equals(stored.status().name())).count(), got.toString());
            assertTrue(got.stream().anyMatch(a -> a.equals("CONCURRENT_UPDATE") || a.equals("INVALID_STATE")), got.toString());
            assertEquals(1, bed.review.events(application.applicationNo()).stream()
                    .filter(e -> e.action() == ApplicationEvent.Action.DECIDED).count());
            if (stored.status() == ApplicationStatus.REJECTED) {
                // the person may apply again at once
                bed.registry.claims(WANG_ID).forEach(c -> assertFalse(c.isOf(application.applicationNo())));
            } else {
                // an approval holds its claims until the issuance has applied its effect: done here as it would
                Application applied = stored.toBuilder().effectAppliedAt(bed.clock.instant()).version(stored.version() + 1).build();
                bed.registry.applicationRepository().update(applied, stored.version());
                new ApplicationClaims(bed.registry.claimRepository(), bed.registry.applicationRepository()).release(applied);
            }
        }
    }
}
