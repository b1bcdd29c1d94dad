package anguan.domain.application;

import static anguan.domain.application.ApplicationTestbed.C3_NO;
import static anguan.domain.application.ApplicationTestbed.NOW;
import static anguan.domain.application.ApplicationTestbed.ZHANG_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import anguan.domain.application.ApplicationEvent.Action;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.person.ExamType;
import anguan.domain.testing.Allowance;
import anguan.domain.testing.CrashAndRetry;
import anguan.domain.testing.CrashAndRetry.Crashpoint;
import anguan.domain.testing.CrashAndRetry.Outcome;
import anguan.domain.testing.CrashAndRetry.Trial;
import anguan.domain.testing.Faults.When;
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.Snapshot.Difference;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * DESIGN.md "State and consistency" for the person's use cases (创建, 保存, 删除, 签名上报): crashed at
 * any write, before or after it took effect, and retried, each leaves the state of one clean run,
 * and the person's next step still ends as it would. Where one does not, the table
 * {@link #FINDINGS} says how, and its test shows exactly that, so that a fix turns it red: then
 * delete the finding.
 */
class ApplicationsSurviveACrashAtAnyWriteTest {

    /** A consumed application number leaves a gap; the drafts are matched by rank. */
    private static final Allowance[] NUMBER_GAPS = {
            Allowance.countersMayRunAhead("counters"), Allowance.keysMayBeLaterNumbers("applications")};

    /**
     * A 签名上报 whose write took effect before the crash is applied again by the retry: a current
     * submission either way, one version further on (its submittedAt is the retry's moment, which
     * every suite allows).
     */
    private static final Allowance SUBMITTED_AGAIN = new Allowance("a retried 签名上报 bumps the version again",
            (expected, actual) -> {
                Map<Object, Object> rows = new TreeMap<>(actual.keyed("applications"));
                expected.keyed("applications").forEach((no, clean) -> {
                    if (rows.get(no) instanceof Application retried && clean instanceof Application c
                            && retried.version() > c.version()) {
                        rows.put(no, retried.toBuilder().version(c.version()).build());
                    }
                });
                return actual.with("applications", rows);
            });

    private static final NewApplication FIRST_ISSUE_C3 =
            new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, null);

    static final List<CrashAndRetry> USE_CASES = List.of(
            world("create a first issue", false, w -> new Trial(w.store(),
                    () -> w.service().create(ZHANG_ID, FIRST_ISSUE_C3), w::fillInAndSubmitTheNewest))
                    .allowing(NUMBER_GAPS),
            world("create a renewal", true, w -> new Trial(w.store(),
                    () -> w.service().create(ZHANG_ID, new NewApplication(ApplicationType.RENEWAL, null, null, C3_NO, null, null)),
                    w::fillInAndSubmitTheNewest))
                    .allowing(NUMBER_GAPS),
            world("save a draft", false, w -> {
                Application draft = w.service().create(ZHANG_ID, FIRST_ISSUE_C3);
                return new Trial(w.store(), () -> w.service().save(ZHANG_ID, draft.applicationNo(),
                        new ApplicationChanges("021-12345678", true, null, null, null, null, draft.version())),
                        () -> w.service().submit(ZHANG_ID, draft.applicationNo()));
            }),
            world("delete a draft", false, w -> {
                Application draft = w.service().create(ZHANG_ID, FIRST_ISSUE_C3);
                return new Trial(w.store(), () -> {
                    w.service().delete(ZHANG_ID, draft.applicationNo());
                    return null;
                }, () -> {
                    w.service().create(ZHANG_ID, FIRST_ISSUE_C3);
                    return w.fillInAndSubmitTheNewest();
                });
            }),
            world("submit (签名上报)", false, w -> {
                Application draft = w.service().create(ZHANG_ID, FIRST_ISSUE_C3);
                w.fillIn(draft);
                return new Trial(w.store(), () -> w.service().submit(ZHANG_ID, draft.applicationNo()), () -> {
                    w.service().delete(ZHANG_ID, draft.applicationNo());
                    return null;
                });
            }).allowing(SUBMITTED_AGAIN));

    /** Where a use case does not survive, what a user would see. */
    record Finding(String useCase, String write, When when, String what, Consumer<Outcome> shows) {
        boolean isAt(Crashpoint point) {
            return point.suite().useCase().equals(useCase) && point.write().equals(write) && point.when() == when;
        }
    }

    static final List<Finding> FINDINGS = Stream.concat(
            // POST /applications carries nothing that makes a retry the same request: once the draft is
            // stored, the client's retry stores a second one, and the two block each other's 签名上报.
            Stream.of("create a first issue", "create a renewal").flatMap(create -> Stream.of(
                    new Finding(create, "ApplicationRepository.insert", When.AFTER, "a second draft", secondDraft()),
                    new Finding(create, "ApplicationRepository.append", When.BEFORE, "a second draft", secondDraft()),
                    new Finding(create, "ApplicationRepository.append", When.AFTER, "a second draft", secondDraft()))),
            Stream.of(
                    // The change is stored, the function dies before its audit line; the retry is refused
                    // (its version is stale, or the draft is gone), so the line is never written.
                    new Finding("save a draft", "ApplicationRepository.update", When.AFTER, "the 保存 event is lost",
                            lost(Action.SAVED, "refused CONCURRENT_UPDATE")),
                    new Finding("save a draft", "ApplicationRepository.append", When.BEFORE, "the 保存 event is lost",
                            lost(Action.SAVED, "refused CONCURRENT_UPDATE")),
                    new Finding("delete a draft", "ApplicationRepository.update", When.AFTER, "the 删除 event is lost",
                            lost(Action.DELETED, "refused NOT_FOUND")),
                    new Finding("delete a draft", "ApplicationRepository.append", When.BEFORE, "the 删除 event is lost",
                            lost(Action.DELETED, "refused NOT_FOUND")),
                    // A 签名上报 that completed but whose answer was lost is done again by the retry, and
                    // the audit trail shows two 签名上报 where the person made one.
                    new Finding("submit (签名上报)", "ApplicationRepository.append", When.AFTER,
                            "签名上报 recorded twice", twice(Action.SUBMITTED))))
            .toList();

    @TestFactory
    Stream<DynamicTest> aCrashAtAnyWriteThenARetryLeavesTheStateOfOneCleanRun() {
        return USE_CASES.stream().flatMap(useCase -> useCase.crashpoints().stream()).map(point -> {
            Finding finding = FINDINGS.stream().filter(f -> f.isAt(point)).findFirst().orElse(null);
            return finding == null
                    ? dynamicTest(point.name(), () -> point.run().assertSurvived())
                    : dynamicTest(point.name() + ": finding, " + finding.what(), () -> finding.shows().accept(point.run()));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyFindingIsAtAWriteTheUseCaseMakes() {
        return FINDINGS.stream().map(f -> dynamicTest(f.useCase() + " " + f.when() + " " + f.write(), () -> assertTrue(
                USE_CASES.stream().flatMap(u -> u.crashpoints().stream()).anyMatch(f::isAt),
                "no such crashpoint any more: the use case changed; check the finding still holds, or delete it")));
    }

    // ---- what each finding looks like ----

    private static Consumer<Outcome> secondDraft() {
        return outcome -> {
            assertEquals("succeeded", outcome.retry(), outcome.toString());
            assertTrue(outcome.differences().stream().anyMatch(d -> d.table().equals("applications") && d.isExtra()),
                    "fixed? delete this finding. " + outcome);
            assertEquals("refused VALIDATION_FAILED [APPLICATION_IN_PROGRESS]", outcome.then(), outcome.toString());
        };
    }

    private static Consumer<Outcome> lost(Action action, String retry) {
        return outcome -> {
            assertEquals(retry, outcome.retry(), outcome.toString());
            assertEquals(List.of(action), actions(outcome.differences(), Difference::isLost),
                    "fixed? delete this finding. " + outcome);
            assertEquals(outcome.differences().size(), outcome.differencesAfterThen().size(), outcome.toString());
            assertTrue(outcome.anomalies().isEmpty(), outcome.toString());
        };
    }

    private static Consumer<Outcome> twice(Action action) {
        return outcome -> {
            assertEquals("succeeded", outcome.retry(), outcome.toString());
            assertEquals(List.of(action), actions(outcome.differences(), Difference::isExtra),
                    "fixed? delete this finding. " + outcome);
            assertEquals(1, outcome.differences().size(), outcome.toString());
        };
    }

    private static List<Action> actions(List<Difference> differences, Predicate<Difference> which) {
        return differences.stream().filter(which).filter(d -> d.table().equals("events"))
                .map(d -> ((ApplicationEvent) (d.isLost() ? d.expected() : d.actual())).action()).toList();
    }

    // ---- the world every use case starts from ----

    /**
     * 张三 at USCC with a registry photo and a C3 initial exam of 2026-09-01, so that a first issue
     * can be submitted; with {@code holdsC3}, also a C3 certificate in its renewal window and a
     * continuing-education exam (then a first issue of C3 would be refused: CATEGORY_ALREADY_HELD).
     * Seeded straight into the store; the service goes through the seam.
     */
    private record World(ApplicationTestbed bed, ApplicationService service) {
        InMemoryRegistry store() {
            return bed.registry;
        }

        Application fillIn(Application draft) {
            return service.save(ZHANG_ID, draft.applicationNo(),
                    new ApplicationChanges("021-12345678", true, null, null, null, null, draft.version()));
        }

        Object fillInAndSubmitTheNewest() {
            Application newest = service.list(ZHANG_ID, new ApplicationQuery(null, null, 1, 10)).items().getFirst();
            return service.submit(ZHANG_ID, fillIn(newest).applicationNo());
        }
    }

    private static CrashAndRetry world(String useCase, boolean holdsC3, Function<World, Trial> trial) {
        return CrashAndRetry.of(useCase, rig -> {
            rig.clock().set(NOW);
            ApplicationTestbed bed = ApplicationTestbed.zhangAtUscc();
            if (holdsC3) {
                bed.validC3();
                bed.exam(ZHANG_ID, ExamType.CONTINUING, Category.C3, LocalDate.of(2025, 6, 1), true);
            } else {
                bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
            }
            ApplicationService service = rig.wire(ApplicationService.class, bed.applications, bed.registry,
                    bed.registry.enterpriseRepository(), bed.registry.certificateRepository(), bed.registry, rig.clock());
            return trial.apply(new World(bed, service));
        });
    }
}
