package anguan.domain.review;

import static anguan.domain.review.ReviewTestbed.NOW;
import static anguan.domain.review.ReviewTestbed.REVIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.DecisionResult.Outcome;
import anguan.domain.common.DomainProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GET /review/applications reads a window of days on the instant an application entered its
 * status (受理 for the queue, the decision for APPROVED and REJECTED), the decided statuses never
 * more than 366 days and the last 31 unless asked: what it costs follows the window, not the years.
 */
class TheReviewersListsReadAWindowTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private final ReviewTestbed bed = new ReviewTestbed();

    private static ReviewQuery of(ApplicationStatus status, LocalDate from, LocalDate to) {
        return new ReviewQuery(status, null, null, null, from, to, 1, 10);
    }

    private List<String> listed(ApplicationStatus status, LocalDate from, LocalDate to) {
        return bed.review.list(of(status, from, to)).items().stream().map(Application::applicationNo).toList();
    }

    private DomainProblem refusal(ApplicationStatus status, LocalDate from, LocalDate to) {
        return assertThrows(DomainProblem.class, () -> bed.review.list(of(status, from, to)));
    }

    private String decidedAt(Instant at, Application a, Outcome outcome) {
        bed.clock.set(at);
        return bed.review.decide(REVIEWER, a.applicationNo(), outcome, outcome == Outcome.REJECT ? "材料不全" : null, null)
                .applicationNo();
    }

    @Test
    void aDecidedListIsTheLast31DaysOfDecisionsUnlessAskedOtherwise() {
        bed.clock.set(NOW.minus(Duration.ofDays(40)));
        String old = decidedAt(NOW.minus(Duration.ofDays(40)), bed.wangsC3(), Outcome.APPROVE);
        bed.clock.set(NOW.minus(Duration.ofDays(30)));
        String recent = decidedAt(NOW.minus(Duration.ofDays(30)), bed.zhaosC1(), Outcome.APPROVE);
        bed.clock.set(NOW);

        assertEquals(List.of(recent), listed(ApplicationStatus.APPROVED, null, null));
        assertEquals(List.of(recent, old), listed(ApplicationStatus.APPROVED, TODAY.minusDays(40), null));
        assertEquals(List.of(old), listed(ApplicationStatus.APPROVED, null, TODAY.minusDays(40)));
        assertEquals(List.of(), listed(ApplicationStatus.REJECTED, null, null));
    }

    @Test
    void theQueueIsWindowedOnAcceptanceAndADecidedListOnTheDecision() {
        Application wang = bed.wangsC3();
        bed.clock.advance(Duration.ofDays(1));
        Application zhao = bed.zhaosC1();
        String rejected = decidedAt(NOW.plus(Duration.ofDays(3)), wang, Outcome.REJECT);

        assertEquals(List.of(zhao.applicationNo()), listed(null, TODAY.plusDays(1), TODAY.plusDays(1)));
        assertEquals(List.of(), listed(null, TODAY, TODAY));
        assertEquals(List.of(), listed(ApplicationStatus.REJECTED, TODAY, TODAY));
        assertEquals(List.of(rejected), listed(ApplicationStatus.REJECTED, TODAY.plusDays(3), TODAY.plusDays(3)));
    }

    @Test
    void theDaysAreShanghaiDaysBothEndsIncluded() {
        // 2026-11-27 00:00 in Shanghai is 2026-11-26T16:00Z
        Instant midnight = Instant.parse("2026-11-26T16:00:00Z");
        bed.clock.set(midnight.minus(Duration.ofHours(1)));
        String lastOfThe26th = decidedAt(midnight.minusNanos(1), bed.wangsC3(), Outcome.APPROVE);
        String firstOfThe27th = decidedAt(midnight, bed.zhaosC1(), Outcome.APPROVE);
        bed.clock.set(NOW);

        assertEquals(List.of(firstOfThe27th), listed(ApplicationStatus.APPROVED, TODAY, TODAY));
        assertEquals(List.of(lastOfThe26th), listed(ApplicationStatus.APPROVED, TODAY.minusDays(1), TODAY.minusDays(1)));
    }

    @Test
    void aDecidedListIsTheLatestDecisionFirstWhateverTheAcceptance() {
        Application acceptedFirst = bed.wangsC3();
        bed.clock.advance(Duration.ofHours(1));
        Application acceptedSecond = bed.zhaosC1();
        decidedAt(NOW.plus(Duration.ofHours(2)), acceptedSecond, Outcome.APPROVE);
        decidedAt(NOW.plus(Duration.ofHours(3)), acceptedFirst, Outcome.APPROVE);

        assertEquals(List.of(acceptedFirst.applicationNo(), acceptedSecond.applicationNo()),
                listed(ApplicationStatus.APPROVED, null, null));
    }

    @Test
    void theQueueStaysOpenHoweverOldItsWork() {
        bed.clock.set(NOW.minus(Duration.ofDays(100)));
        Application waiting = bed.wangsC3();
        bed.clock.set(NOW.plus(Duration.ofDays(400)));

        assertEquals(List.of(waiting.applicationNo()), listed(null, null, null));
    }

    @Test
    void aWindowOfMoreThan366DaysOrBackwardsIsRefused() {
        DomainProblem tooWide = refusal(ApplicationStatus.APPROVED, TODAY.minusDays(366), TODAY);
        assertEquals(DomainProblem.Kind.VALIDATION_FAILED, tooWide.kind());
        assertEquals("DATE_RANGE_TOO_WIDE", tooWide.code());
        assertEquals("DATE_RANGE_TOO_WIDE", refusal(ApplicationStatus.REJECTED, TODAY.minusDays(400), null).code());
        assertEquals("DATE_RANGE_TOO_WIDE", refusal(null, TODAY.minusDays(366), TODAY).code());
        assertEquals(0, bed.review.list(of(ApplicationStatus.APPROVED, TODAY.minusDays(365), TODAY)).total());

        DomainProblem backwards = refusal(ApplicationStatus.APPROVED, TODAY, TODAY.minusDays(1));
        assertEquals(DomainProblem.Kind.VALIDATION_FAILED, backwards.kind());
        assertEquals("DATE_RANGE_INVALID", backwards.code());
        assertEquals("DATE_RANGE_INVALID", refusal(null, TODAY, TODAY.minusDays(1)).code());
    }
}
