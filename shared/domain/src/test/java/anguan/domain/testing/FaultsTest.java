package anguan.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationRepository;
import anguan.domain.application.ApplicationService;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.NewApplication;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Sequence;
import anguan.domain.person.ExamResult;
import anguan.domain.person.ExamType;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.person.Person;
import anguan.domain.person.PersonRepository;
import anguan.domain.testing.Faults.When;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fault seam over the in-memory ports: what it counts, where it crashes, what it leaves stored. */
class FaultsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final String ZHANG_ID = "11010519491231002X";
    private static final ExamResult EXAM = new ExamResult(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);

    private final InMemoryRegistry store = new InMemoryRegistry(new TestClock(NOW));
    private final Faults faults = new Faults();
    private final PersonRepository persons = faults.faulty(PersonRepository.class, store);
    private final Sequence sequence = faults.faulty(Sequence.class, store);

    private static Person zhang(String mobile) {
        return new Person(ZHANG_ID, "张三", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, mobile, null, null, NOW);
    }

    @Test
    void readsAreNotCountedAndWritesAreNamedInOrder() {
        persons.find(ZHANG_ID);
        persons.insert(zhang("13812345678"));
        persons.exams(ZHANG_ID);
        sequence.next("application#20261127");
        persons.deleteEmployment(ZHANG_ID, "91350100M000100Y43");

        assertEquals(3, faults.writes());
        assertEquals(List.of("PersonRepository.insert", "Sequence.next", "PersonRepository.deleteEmployment"), faults.writeLog());
    }

    @Test
    void aCrashBeforeTheWriteLeavesTheStoreUntouched() {
        persons.insert(zhang("13812345678"));
        faults.failAt(1, When.BEFORE);

        assertThrows(Crash.class, () -> persons.update(zhang("13912345678"), 1));

        assertEquals("13812345678", store.find(ZHANG_ID).orElseThrow().mobile());
        assertTrue(faults.crashed());
    }

    @Test
    void aCrashAfterTheWriteLeavesTheWriteStoredAndTheCallerUninformed() {
        faults.failAt(2, When.AFTER);
        assertEquals(1L, sequence.next("application#20261127"));

        assertThrows(Crash.class, () -> sequence.next("application#20261127"));

        assertEquals(3L, store.next("application#20261127"), "the crashed increment took effect");
    }

    @Test
    void theFaultFiresOnceAndAResetDisarmsIt() {
        faults.failAt(1, When.BEFORE);
        assertThrows(Crash.class, () -> persons.saveExam(EXAM));
        persons.saveExam(EXAM);
        faults.failAt(1, When.AFTER);
        faults.reset();

        persons.saveExam(EXAM);

        assertEquals(List.of(EXAM), store.exams(ZHANG_ID));
        assertFalse(faults.crashed());
    }

    @Test
    void aRefusalOfTheStorePassesThroughAsItself() {
        ApplicationRepository applications = faults.faulty(ApplicationRepository.class, store.applicationRepository());

        DomainProblem refusal = assertThrows(DomainProblem.class,
                () -> applications.update(Application.builder().applicationNo("W2026112700001").build(), 1));

        assertEquals("CONCURRENT_UPDATE", refusal.code());
        assertEquals(1, faults.writes(), "a refused write is still a write attempt");
    }

    @Test
    void aWiredServiceHasEveryPortBehindTheSeam() {
        store.save(zhang("13812345678"));
        ApplicationService service = faults.wire(ApplicationService.class, store.applicationRepository(), store.claimRepository(), store,
                store.enterpriseRepository(), store.certificateRepository(), store, new TextForms(), store, new TestClock(NOW));

        service.create(ZHANG_ID, new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, null));

        assertEquals(List.of("Sequence.next", "ApplicationRepository.insert"), faults.writeLog());
    }

    /** A port someone adds with a verb the rule does not know yet. */
    interface Ledger {
        Optional<String> findEntry(String key);

        void frobnicate(String key);
    }

    @Test
    void aCallWithAnUnknownVerbCountsAsAWriteSoNoFaultIsMissed() {
        List<String> entries = new ArrayList<>();
        Ledger ledger = faults.faulty(Ledger.class, new Ledger() {
            @Override public Optional<String> findEntry(String key) { return entries.stream().filter(key::equals).findFirst(); }
            @Override public void frobnicate(String key) { entries.add(key); }
        });
        faults.failAt(1, When.AFTER);

        assertThrows(Crash.class, () -> ledger.frobnicate("x"));

        assertEquals(List.of("Ledger.frobnicate"), faults.writeLog());
        assertEquals(Optional.of("x"), ledger.findEntry("x"));
    }
}
