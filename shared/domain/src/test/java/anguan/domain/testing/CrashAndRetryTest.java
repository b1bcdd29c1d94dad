package anguan.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationEvent.Action;
import anguan.domain.application.ApplicationRepository;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Sequence;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.person.Person;
import anguan.domain.person.PersonRepository;
import anguan.domain.testing.CrashAndRetry.Outcome;
import anguan.domain.testing.CrashAndRetry.Trial;
import anguan.domain.testing.Faults.When;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, on toy use cases written straight against the ports: it must pass the ones
 * that survive and catch each way of not surviving.
 */
class CrashAndRetryTest {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final String ZHANG_ID = "11010519491231002X";
    private static final String NO = "W2026112700001";

    /** A toy use case over a fresh, empty store at {@link #NOW}. */
    private static CrashAndRetry toy(String name, BiFunction<CrashAndRetry.Rig, InMemoryRegistry, Trial> trial) {
        return CrashAndRetry.of(name, rig -> {
            rig.clock().set(NOW);
            return trial.apply(rig, new InMemoryRegistry(rig.clock()));
        });
    }

    private static Application draft(String no) {
        return Application.builder().applicationNo(no).createdAt(NOW).version(1).build();
    }

    private static ApplicationEvent created(String no, Instant at) {
        return new ApplicationEvent(no, at, "person", ZHANG_ID, Action.CREATED);
    }

    @Test
    void anUpsertStampedWithTheRetrysMomentSurvivesEveryCrash() {
        CrashAndRetry upsert = toy("upsert a person", (rig, store) -> {
            PersonRepository persons = rig.faulty(PersonRepository.class, store);
            return new Trial(store, () -> {
                Person zhang = new Person(ZHANG_ID, "张三", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD,
                        "13812345678", null, null, rig.clock().instant());
                // As the registry does: a feed that says nothing new (but its moment) writes nothing.
                if (persons.findVersioned(ZHANG_ID).isEmpty()) {
                    persons.insert(zhang);
                }
                return null;
            });
        });

        assertEquals(List.of("PersonRepository.insert"), upsert.cleanWrites());
        upsert.crashpoints().forEach(p -> p.run().assertSurvived());
    }

    @Test
    void anAppendThatARetryRepeatsAtItsOwnMomentIsADuplicate() {
        CrashAndRetry appendTwice = toy("append", (rig, store) -> {
            ApplicationRepository applications = rig.faulty(ApplicationRepository.class, store.applicationRepository());
            return new Trial(store, () -> {
                // stamped with the moment of each try: the retry's line is a second line, not the same one again
                applications.append(created(NO, rig.clock().instant()));
                return null;
            });
        });

        Outcome before = appendTwice.crashpoints().get(0).run();
        Outcome after = appendTwice.crashpoints().get(1).run();

        assertTrue(before.survived(), before.toString());
        assertFalse(after.survived());
        assertEquals(1, after.differences().size());
        assertTrue(after.differences().getFirst().isExtra() && after.differences().getFirst().table().equals("events"));
    }

    @Test
    void aStateChangeWhoseAuditLineDiesWithTheFunctionIsALossAndLeavesTheNextStepStuck() {
        CrashAndRetry insertThenAppend = toy("insert then append", (rig, store) -> {
            ApplicationRepository applications = rig.faulty(ApplicationRepository.class, store.applicationRepository());
            return new Trial(store, () -> {
                if (applications.find(NO).isPresent()) {
                    throw DomainProblem.invalidState("已创建");
                }
                applications.insert(draft(NO));
                applications.append(created(NO, rig.clock().instant()));
                return null;
            }, () -> {
                if (applications.events(NO).isEmpty()) {
                    throw DomainProblem.invalidState("没有创建记录");
                }
                return null;
            });
        });

        Outcome afterInsert = insertThenAppend.crashpoints().get(1).run();

        assertEquals("refused INVALID_STATE", afterInsert.retry());
        assertEquals(List.of("events"), afterInsert.differences().stream().map(Snapshot.Difference::table).toList());
        assertTrue(afterInsert.differences().getFirst().isLost());
        assertEquals("refused INVALID_STATE", afterInsert.then());
        assertEquals("succeeded", afterInsert.cleanThen());
        assertEquals(1, afterInsert.anomalies().size(), afterInsert.toString());
    }

    @Test
    void aRetryThatDiesOfAnotherExceptionIsReportedAsA5xx() {
        CrashAndRetry insert = toy("insert", (rig, store) -> {
            ApplicationRepository applications = rig.faulty(ApplicationRepository.class, store.applicationRepository());
            return new Trial(store, () -> {
                applications.insert(draft(NO));
                return null;
            });
        });

        Outcome after = insert.crashpoints().get(1).run();

        assertTrue(after.retry().startsWith("failed: java.lang.IllegalStateException"), after.retry());
        assertFalse(after.survived());
    }

    @Test
    void aCrashTheUseCaseSwallowsIsReported() {
        CrashAndRetry swallowing = toy("swallow", (rig, store) -> {
            Sequence sequence = rig.faulty(Sequence.class, store);
            return new Trial(store, () -> {
                try {
                    sequence.next("visits");
                } catch (RuntimeException ignored) {
                    // what no use case may do: carry on as if the store had answered
                }
                return null;
            });
        });

        Outcome before = swallowing.crashpoints().getFirst().run();

        assertEquals(1, before.anomalies().size());
        assertTrue(before.anomalies().getFirst().contains("caught the crash"), before.anomalies().toString());
    }

    @Test
    void aNumberGapIsAllowedOnlyWhereTheUseCaseSaysSo() {
        CrashAndRetry numbered = toy("number then insert", (rig, store) -> {
            Sequence sequence = rig.faulty(Sequence.class, store);
            ApplicationRepository applications = rig.faulty(ApplicationRepository.class, store.applicationRepository());
            return new Trial(store, () -> {
                applications.insert(draft("W20261127" + "%05d".formatted(sequence.next("application#20261127"))));
                return null;
            });
        });
        CrashAndRetry allowingGaps = numbered.allowing(Allowance.countersMayRunAhead("counters"),
                Allowance.keysMayBeLaterNumbers("applications"));

        Outcome strict = numbered.crashpoints().get(1).run();
        Outcome lenient = allowingGaps.crashpoints().get(1).run();

        assertEquals(When.AFTER, strict.at().when());
        assertFalse(strict.survived());
        assertTrue(lenient.survived(), lenient.toString());
    }
}
