package anguan.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationEvent.Action;
import anguan.domain.common.Versioned;
import anguan.domain.person.Employment;
import anguan.domain.testing.Snapshot.Difference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole-state snapshots of the in-memory store, and how two of them differ. */
class SnapshotTest {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final String ZHANG_ID = "11010519491231002X";
    private static final String USCC = "91350100M000100Y43";
    private static final ApplicationEvent CREATED = new ApplicationEvent("W2026112700001", NOW, "person", ZHANG_ID, Action.CREATED);

    private final InMemoryRegistry expected = new InMemoryRegistry(new TestClock(NOW));
    private final InMemoryRegistry actual = new InMemoryRegistry(new TestClock(NOW));

    @Test
    void everyTableOfTheStoreIsInTheSnapshot() {
        assertEquals(List.of("applications", "certificates", "claims", "counters", "credentials", "deliveredNotices", "documents",
                "employments", "enterprises", "events", "exams", "externals", "issueOrders", "notices", "persons", "sentSms", "signingLocks",
                "signingSessions", "smsChallenges", "smsQuota"), expected.snapshot().tableNames());
    }

    @Test
    void storesWithTheSameWritesHaveEqualSnapshots() {
        for (InMemoryRegistry store : List.of(expected, actual)) {
            store.saveEmployment(new Employment(ZHANG_ID, USCC, LocalDate.of(2020, 1, 1), null));
            store.put("registry/photos/a.jpg", new byte[] {1, 2, 3}, "image/jpeg");
            store.append(CREATED);
            store.next("application#20261127");
        }

        assertEquals(expected.snapshot(), actual.snapshot());
        assertEquals(List.of(), expected.snapshot().differences(actual.snapshot()));
    }

    @Test
    void aSnapshotStaysAsItWasWhenTheStoreChangesLater() {
        Snapshot before = expected.snapshot();

        expected.next("application#20261127");

        assertNotEquals(before, expected.snapshot());
        assertEquals(List.of(new Difference("counters", "application#20261127", null, 1L)),
                before.differences(expected.snapshot()));
    }

    @Test
    void documentsAreComparedByTheirBytes() {
        expected.put("registry/photos/a.jpg", new byte[] {1, 2, 3}, "image/jpeg");
        actual.put("registry/photos/a.jpg", new byte[] {1, 2, 4}, "image/jpeg");

        List<Difference> differences = expected.snapshot().differences(actual.snapshot());

        assertEquals(1, differences.size());
        assertEquals("documents", differences.getFirst().table());
    }

    @Test
    void aLostAuditLineAndAnExtraOneAreNamedAsSuch() {
        expected.append(CREATED);
        actual.append(new ApplicationEvent("W2026112700002", NOW, "person", ZHANG_ID, Action.CREATED));

        List<Difference> differences = expected.snapshot().differences(actual.snapshot());

        assertEquals(2, differences.size());
        assertTrue(differences.get(0).isLost() && differences.get(0).expected().equals(CREATED), differences.toString());
        assertTrue(differences.get(1).isExtra(), differences.toString());
    }

    @Test
    void theSameAuditLinesInAnotherOrderAreADifference() {
        ApplicationEvent saved = new ApplicationEvent("W2026112700001", NOW, "person", ZHANG_ID, Action.SAVED);
        expected.append(CREATED);
        expected.append(saved);
        actual.append(saved);
        actual.append(CREATED);

        assertEquals(1, expected.snapshot().differences(actual.snapshot()).size());
    }

    @Test
    void aRewriteReachesIntoTheRecordsOfEveryTable() {
        expected.append(CREATED);
        expected.saveEmployment(new Employment(ZHANG_ID, USCC, LocalDate.of(2020, 1, 1), null));

        Snapshot rewritten = expected.snapshot().rewrite(node -> node.equals(ZHANG_ID) ? "310101199001011234" : node);

        assertEquals("310101199001011234", ((ApplicationEvent) rewritten.listed("events").getFirst()).actor());
        assertEquals("310101199001011234", ((Employment) ((Versioned<?>) rewritten.keyed("employments").get(ZHANG_ID + "/" + USCC)).value()).idNo());
        assertEquals(ZHANG_ID, ((ApplicationEvent) expected.snapshot().listed("events").getFirst()).actor());
    }
}
