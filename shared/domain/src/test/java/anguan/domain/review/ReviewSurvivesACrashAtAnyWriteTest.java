package anguan.domain.review;

import static anguan.domain.review.ReviewTestbed.NOW;
import static anguan.domain.review.ReviewTestbed.REVIEWER;
import static anguan.domain.review.ReviewTestbed.WANG_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import anguan.domain.application.Application;
import anguan.domain.application.DecisionResult.Outcome;
import anguan.domain.application.claim.Claim;
import anguan.domain.testing.Allowance;
import anguan.domain.testing.CrashAndRetry;
import anguan.domain.testing.CrashAndRetry.Trial;
import anguan.domain.testing.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * DESIGN.md "State and consistency" for the decision: APPROVE and REJECT crashed at any write
 * (the certificate order, the SMS handed over together, the decision itself, the release of the claims),
 * before or after it took effect, and retried a minute later, leave the state of one clean run:
 * one decision with one trail line, one order, one notice per party, no claim left behind; and
 * the next step (another decision: refused; after a rejection, the person applying again) ends
 * as it would.
 */
class ReviewSurvivesACrashAtAnyWriteTest {

    /** The set-up's 签名上报 claims its target under a random attempt token, fresh in every world. */
    private static final Allowance CLAIM_ATTEMPTS = new Allowance("a claim's attempt token is random in every world",
            ReviewSurvivesACrashAtAnyWriteTest::claimsMatchedButTheirAttempt);

    private static Snapshot claimsMatchedButTheirAttempt(Snapshot clean, Snapshot retried) {
        Map<Object, Object> rows = new TreeMap<>(retried.keyed("claims"));
        clean.keyed("claims").forEach((key, expected) -> {
            if (rows.get(key) instanceof Claim got && expected instanceof Claim c
                    && got.equals(new Claim(c.idNo(), c.target(), c.applicationNo(), c.applicationVersion(), got.attempt()))) {
                rows.put(key, c);
            }
        });
        return retried.with("claims", rows);
    }

    static final List<CrashAndRetry> USE_CASES = List.of(
            world("approve", (bed, review) -> {
                Application wang = bed.wangsC3();
                return new Trial(bed.registry, () -> review.decide(REVIEWER, wang.applicationNo(), Outcome.APPROVE, "同意", null),
                        () -> review.decide("reviewer-008", wang.applicationNo(), Outcome.REJECT, "不同意", null));
            }),
            world("reject", (bed, review) -> {
                Application wang = bed.wangsC3();
                return new Trial(bed.registry, () -> review.decide(REVIEWER, wang.applicationNo(), Outcome.REJECT, "考试记录不符", null),
                        () -> bed.submittedC3(WANG_ID));
            }));

    @TestFactory
    Stream<DynamicTest> aCrashAtAnyWriteThenARetryLeavesTheStateOfOneCleanRun() {
        return USE_CASES.stream().flatMap(useCase -> useCase.crashpoints().stream())
                .map(point -> dynamicTest(point.name(), () -> point.run().assertSurvived()));
    }

    /** The writes the suite crashes at, so that a write added to decide() is seen to be covered. */
    @Test
    void everyWriteOfADecisionIsACrashpoint() {
        // the two SMS go in one hand-over (one SQS SendMessageBatch)
        assertEquals(List.of("IssueQueue.publish", "NoticeQueue.publishAll", "ApplicationRepository.update"),
                USE_CASES.get(0).cleanWrites());
        assertEquals(List.of("NoticeQueue.publishAll", "ApplicationRepository.update", "ClaimRepository.release"),
                USE_CASES.get(1).cleanWrites());
    }

    private static CrashAndRetry world(String useCase, BiFunction<ReviewTestbed, ReviewService, Trial> trial) {
        return CrashAndRetry.of(useCase, rig -> {
            rig.clock().set(NOW);
            ReviewTestbed bed = new ReviewTestbed(rig.clock());
            return trial.apply(bed, rig.wire(ReviewService.class, bed.reviewPorts()));
        }).allowing(CLAIM_ATTEMPTS);
    }
}
