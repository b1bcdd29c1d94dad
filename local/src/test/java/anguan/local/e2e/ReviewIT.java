package anguan.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.e2e.SigningSteps.Filed;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 审批 end to end through the local runner: an application signed by both is in the reviewers'
 * queue; an approval answers APPROVED, tells the person and the enterprise by SMS and orders the
 * certificate, whose effect (IssueCertificateFunction consumes the certificate queue) joins the
 * trail as 证书发放; a rejection without an opinion is a 422 and orders nothing; of two decisions at
 * once one is a 200 and the other a 409; a person's or an enterprise's token is refused.
 * (IssueCertificateIT follows the certificate itself.)
 */
class ReviewIT {
    private static Api api;
    private static SigningSteps steps;
    private static String reviewer;

    @BeforeAll
    static void runner() {
        api = RunnerFixture.api();
        steps = new SigningSteps(api);
        reviewer = api.token(Map.of("role", "reviewer", "sub", "reviewer-it-1"));
    }

    @Test
    void anApprovalAnswersApprovedTellsBothAndOrdersTheCertificate() {
        Filed f = steps.underReview("FIRST_ISSUE");

        JsonNode queue = SigningSteps.body(api.get("/review/applications?status=UNDER_REVIEW&type=FIRST_ISSUE&size=100", reviewer), 200);
        assertTrue(queue.get("items").findValuesAsText("applicationNo").contains(f.applicationNo()), queue.toString());
        assertFalse(queue.toString().contains(f.idNo()), "ID numbers are masked for reviewers too");
        JsonNode byId = SigningSteps.body(api.get("/review/applications?idNo=" + f.idNo(), reviewer), 200);
        assertEquals(List.of(f.applicationNo()), byId.get("items").findValuesAsText("applicationNo"), byId.toString());
        JsonNode notice = SigningSteps.body(api.get("/review/applications/" + f.applicationNo() + "/documents/acceptance-notice", reviewer), 200);
        assertTrue(notice.get("url").asText().startsWith("http"), notice.toString());

        JsonNode approved = SigningSteps.body(api.post("/review/applications/" + f.applicationNo() + "/decision",
                Map.of("decision", "APPROVE", "opinion", "材料齐全"), reviewer), 200);

        assertEquals("APPROVED", approved.get("status").asText());
        assertEquals("事项结束（准予许可）", approved.get("statusName").asText());
        assertEquals("APPROVE", approved.get("decision").get("result").asText());
        steps.waitForSms(f.mobile(), texts -> texts.stream().anyMatch(t -> t.contains(f.applicationNo()) && t.contains("准予许可")));
        steps.waitForSms(f.enterpriseMobile(), texts -> texts.stream().anyMatch(t -> t.contains(f.applicationNo()) && t.contains("准予许可")));
        List<String> trail = waitForTrail(f.applicationNo(), actions -> actions.contains("CERTIFICATE_ISSUED"), Duration.ofSeconds(30));
        assertEquals(List.of("DECIDED", "CERTIFICATE_ISSUED"), trail.subList(trail.size() - 2, trail.size()), trail.toString());
        JsonNode listed = SigningSteps.body(api.get("/review/applications?size=100", reviewer), 200);
        assertFalse(listed.get("items").findValuesAsText("applicationNo").contains(f.applicationNo()), "decided: out of the queue");
    }

    @Test
    void aRejectionNeedsAnOpinionThenTellsThePerson() {
        Filed f = steps.underReview("TRANSFER_OUT");
        String path = "/review/applications/" + f.applicationNo() + "/decision";

        Api.Reply bare = api.post(path, Map.of("decision", "REJECT"), reviewer);
        assertEquals(422, bare.status(), bare.toString());
        assertEquals("OPINION_REQUIRED", bare.body().get("code").asText());

        JsonNode rejected = SigningSteps.body(api.post(path, Map.of("decision", "REJECT", "opinion", "证书信息与登记不符"), reviewer), 200);
        assertEquals("REJECTED", rejected.get("status").asText());
        steps.waitForSms(f.mobile(), texts -> texts.stream().anyMatch(t -> t.contains("不予许可，审批意见：证书信息与登记不符")));
        // an order would have been sent before the decision was written, so its effect would be there by now
        List<String> trail = waitForTrail(f.applicationNo(), actions -> actions.stream().anyMatch(a -> a.startsWith("CERTIFICATE_")),
                Duration.ofSeconds(3));
        assertFalse(trail.stream().anyMatch(a -> a.startsWith("CERTIFICATE_")), "a rejection orders no certificate: " + trail);
    }

    @Test
    void ofTwoDecisionsAtOnceOneWinsAndTheOtherIsAConflict() {
        Filed f = steps.underReview("CANCELLATION");
        String path = "/review/applications/" + f.applicationNo() + "/decision";
        String other = api.token(Map.of("role", "reviewer", "sub", "reviewer-it-2"));

        CompletableFuture<Api.Reply> approve = CompletableFuture.supplyAsync(() -> api.post(path, Map.of("decision", "APPROVE"), reviewer));
        CompletableFuture<Api.Reply> reject = CompletableFuture.supplyAsync(() -> api.post(path,
                Map.of("decision", "REJECT", "opinion", "材料不全"), other));
        List<Integer> statuses = List.of(approve.join().status(), reject.join().status()).stream().sorted().toList();

        assertEquals(List.of(200, 409), statuses, approve.join() + " / " + reject.join());
        JsonNode stored = SigningSteps.body(api.get("/review/applications/" + f.applicationNo(), reviewer), 200);
        String winner = approve.join().status() == 200 ? "APPROVED" : "REJECTED";
        assertEquals(winner, stored.get("status").asText());
        JsonNode trail = SigningSteps.body(api.get("/review/applications/" + f.applicationNo() + "/events", reviewer), 200);
        assertEquals(1, trail.get("items").findValuesAsText("action").stream().filter("DECIDED"::equals).count(), trail.toString());
    }

    @Test
    void thePartiesCannotDecideAndDoNotSeeTheQueue() {
        Filed f = steps.underReview("FIRST_ISSUE");
        String path = "/review/applications/" + f.applicationNo() + "/decision";

        assertEquals(403, api.post(path, Map.of("decision", "APPROVE"), f.token()).status());
        assertEquals(403, api.post(path, Map.of("decision", "APPROVE"), f.enterpriseToken()).status());
        assertEquals(403, api.get("/review/applications", f.enterpriseToken()).status());
        assertEquals(401, api.post(path, Map.of("decision", "APPROVE"), null).status());
        assertEquals("UNDER_REVIEW", SigningSteps.body(api.get("/review/applications/" + f.applicationNo(), reviewer), 200)
                .get("status").asText());
        Filed draft = steps.submitted("FIRST_ISSUE");
        assertEquals(404, api.get("/review/applications/" + draft.applicationNo(), reviewer).status(), "a draft is not the reviewers' business");
    }

    /** The trail's actions once {@code until} holds of them, or as they are when {@code patience} is over. */
    private static List<String> waitForTrail(String applicationNo, Predicate<List<String>> until, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            List<String> actions = SigningSteps.body(api.get("/review/applications/" + applicationNo + "/events", reviewer), 200)
                    .get("items").findValuesAsText("action");
            if (until.test(actions) || Instant.now().isAfter(deadline)) {
                return actions;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
