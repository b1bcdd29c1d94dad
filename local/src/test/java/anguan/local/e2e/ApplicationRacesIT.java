package anguan.local.e2e;

import static anguan.local.e2e.World.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.e2e.World.Applicant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Requests that arrive together, through the local runner (which starts a container per request
 * in flight, as Lambda does): whatever the interleaving, no two writes over one version both land,
 * no two applications for one certificate are both submitted, and nobody sees a 5xx.
 */
class ApplicationRacesIT {
    private static final int N = 8;

    private static Api api;
    private static World world;

    @BeforeAll
    static void runner() {
        api = RunnerFixture.api();
        world = new World(api);
    }

    /** Registered with a photo, employed, an initial C3 exam passed 20 days ago. */
    private static Applicant applicant() {
        Applicant a = world.employedApplicant(true);
        world.exam(a.idNo(), "INITIAL", "C3", TODAY.minusDays(20), true);
        return a;
    }

    /** A draft with phone and consent filled in (version 2). */
    private static JsonNode filled(Applicant a, Map<String, Object> create, Map<String, Object> more) {
        Api.Reply created = api.post("/applications", create, a.token());
        assertEquals(201, created.status(), created.toString());
        Map<String, Object> save = new HashMap<>(more);
        save.put("enterprisePhone", "021-64881234");
        save.put("consent", true);
        save.put("version", created.body().get("version").asLong());
        Api.Reply saved = api.put(path(created.body()), save, a.token());
        assertEquals(200, saved.status(), saved.toString());
        return saved.body();
    }

    private static JsonNode firstIssueC3(Applicant a) {
        return filled(a, Map.of("type", "FIRST_ISSUE", "category", "C3", "position", "08"), Map.of());
    }

    private static String path(JsonNode application) {
        return "/applications/" + application.get("applicationNo").asText();
    }

    /** Sends {@code n} requests released at the same moment; answers the replies in order. */
    private static List<Api.Reply> together(int n, IntFunction<Api.Reply> request) {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(n)) {
            List<Future<Api.Reply>> replies = IntStream.range(0, n).mapToObj(i -> threads.submit(() -> {
                start.await();
                return request.apply(i);
            })).toList();
            start.countDown();
            return replies.stream().map(ApplicationRacesIT::join).toList();
        }
    }

    private static Api.Reply join(Future<Api.Reply> reply) {
        try {
            return reply.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(List<Api.Reply> replies, int status) {
        return replies.stream().filter(r -> r.status() == status).count();
    }

    /** Every reply has one of these statuses, with the code given for it (an empty code: any body). */
    private static void assertOnly(List<Api.Reply> replies, Map<Integer, String> codeByStatus) {
        for (Api.Reply r : replies) {
            assertTrue(codeByStatus.containsKey(r.status()), r.toString());
            String code = codeByStatus.get(r.status());
            if (!code.isEmpty()) {
                assertEquals(code, r.code(), r.toString());
            }
        }
    }

    private static boolean isSubmitted(Applicant a, JsonNode application) {
        JsonNode submittedAt = api.get(path(application), a.token()).body().get("submittedAt");
        return submittedAt != null && !submittedAt.isNull();
    }

    private static List<String> actions(Applicant a, JsonNode application) {
        Api.Reply events = api.get(path(application) + "/events", a.token());
        assertEquals(200, events.status(), events.toString());
        return StreamSupport.stream(events.body().get("items").spliterator(), false)
                .map(e -> e.get("action").asText()).toList();
    }

    @RepeatedTest(2)
    void ofEightSavesOfOneVersionExactlyOneLands() {
        Applicant a = applicant();
        Api.Reply created = api.post("/applications", Map.of("type", "FIRST_ISSUE", "category", "C3", "position", "08"),
                a.token());
        JsonNode draft = created.body();

        List<Api.Reply> replies = together(N, i -> api.put(path(draft),
                Map.of("enterprisePhone", "021-6488123" + i, "version", draft.get("version").asLong()), a.token()));

        assertEquals(1, count(replies, 200), replies.toString());
        assertOnly(replies, Map.of(200, "", 409, "CONCURRENT_UPDATE"));
        Api.Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        JsonNode stored = api.get(path(draft), a.token()).body();
        assertEquals(2, stored.get("version").asLong());
        assertEquals(winner.body().get("enterprise").get("phone").asText(), stored.get("enterprise").get("phone").asText());
        assertEquals(List.of("CREATED", "SAVED"), actions(a, draft));
    }

    @RepeatedTest(2)
    void ofEightSubmitsOfTheVersionOnScreenExactlyOneIsRecorded() {
        Applicant a = applicant();
        JsonNode draft = firstIssueC3(a);

        List<Api.Reply> replies = together(N, i -> api.post(path(draft) + "/submit",
                Map.of("version", draft.get("version").asLong()), a.token()));

        assertEquals(1, count(replies, 200), replies.toString());
        assertOnly(replies, Map.of(200, "", 409, "CONCURRENT_UPDATE"));
        assertEquals(List.of("CREATED", "SAVED", "SUBMITTED"), actions(a, draft));
    }

    /** A 签名上报 sent again (a second click, a retry after a lost answer) stands as first recorded. */
    @Test
    void eightSubmitsOfOneApplicationWithoutAVersionAreRecordedOnce() {
        Applicant a = applicant();
        JsonNode draft = firstIssueC3(a);

        List<Api.Reply> replies = together(N, i -> api.post(path(draft) + "/submit", null, a.token()));

        assertOnly(replies, Map.of(200, "", 409, "CONCURRENT_UPDATE"));
        List<String> submissions = replies.stream().filter(r -> r.status() == 200)
                .map(r -> r.body().get("version").asLong() + "@" + r.body().get("submittedAt").asText()).distinct().toList();
        assertEquals(1, submissions.size(), "every 200 shows the one recorded submission: " + replies);
        assertEquals(List.of("CREATED", "SAVED", "SUBMITTED"), actions(a, draft));
    }

    @Test
    void twoFirstIssuesOfOneCategorySubmittedAtOnceAreNeverBothSubmitted() {
        Applicant a = applicant();
        List<JsonNode> drafts = List.of(firstIssueC3(a), firstIssueC3(a));

        List<Api.Reply> replies = together(2 * 4, i -> api.post(path(drafts.get(i % 2)) + "/submit", null, a.token()));

        assertOnly(replies, Map.of(200, "", 409, "CONCURRENT_UPDATE", 422, "VALIDATION_FAILED"));
        replies.stream().filter(r -> r.status() == 422)
                .forEach(r -> assertEquals(Set.of("APPLICATION_IN_PROGRESS"), r.violationCodes(), r.toString()));
        assertTrue(drafts.stream().filter(d -> isSubmitted(a, d)).count() <= 1, "at most one is submitted: " + replies);
    }

    @Test
    void aRenewalAndACancellationOfOneCertificateSubmittedAtOnceAreNeverBothSubmitted() {
        Applicant a = applicant();
        String number = world.certificate(a.idNo(), "C3", "08", a.uscc(), TODAY.plusMonths(2), "VALID");
        world.exam(a.idNo(), "CONTINUING", "C3", TODAY.minusDays(30), true);
        JsonNode renewal = filled(a, Map.of("type", "RENEWAL", "certificateNo", number), Map.of());
        JsonNode cancellation = filled(a, Map.of("type", "CANCELLATION", "certificateNo", number),
                Map.of("cancelReason", "LEFT_POST"));
        List<JsonNode> drafts = List.of(renewal, cancellation);

        List<Api.Reply> replies = together(2, i -> api.post(path(drafts.get(i)) + "/submit", null, a.token()));

        assertOnly(replies, Map.of(200, "", 422, "VALIDATION_FAILED"));
        assertTrue(count(replies, 200) <= 1, replies.toString());
        assertTrue(drafts.stream().filter(d -> isSubmitted(a, d)).count() <= 1, replies.toString());
    }
}
