package anguan.domain.testing;

import anguan.domain.common.DomainProblem;
import anguan.domain.common.Violation;
import anguan.domain.testing.Faults.When;
import anguan.domain.testing.Snapshot.Difference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Crash and retry (崩溃重试) for one use case: runs it once cleanly to learn its writes, then for
 * every write k and both {@link When}s crashes a fresh copy of the world at write k, retries the same
 * call without faults (as the client or SQS would, a minute later), and compares the whole state
 * with the clean run's. A use case survives when nothing differs but what its {@link Allowance}s
 * name, the retry answers success or a refusal (a 4xx, never another exception), and the step
 * after it (what the user does next, e.g. submit the draft) ends as it does after a clean run:
 * no duplicate, no lost or half-applied record, nothing stuck.
 *
 * <pre>{@code
 * CrashAndRetry issue = CrashAndRetry.of("issue", rig -> {
 *     InMemoryRegistry store = seededStore(rig.clock());         // seed straight into the store
 *     IssueService service = rig.wire(IssueService.class, store.applicationRepository(), store, rig.clock());
 *     return new CrashAndRetry.Trial(store, () -> service.issue(NO), () -> service.issue(NO));
 * }).allowing(Allowance.countersMayRunAhead("counters"));
 * issue.crashpoints().forEach(p -> p.run().assertSurvived());
 * }</pre>
 * Instants the retry stamps (its moment instead of the crashed call's) are always allowed.
 */
public final class CrashAndRetry {
    /** How much later the retry comes, and after it the next step. */
    public static final Duration LATER = Duration.ofMinutes(1);

    private final String useCase;
    private final Function<Rig, Trial> world;
    private final List<Allowance> allowances;
    private Clean clean;

    private CrashAndRetry(String useCase, Function<Rig, Trial> world, List<Allowance> allowances) {
        this.useCase = useCase;
        this.world = world;
        this.allowances = allowances;
    }

    /**
     * @param world builds a fresh world: seeds a new store (the writes it makes before returning are
     *              not counted) and wires the use case over ports from {@link Rig#wire}
     */
    public static CrashAndRetry of(String useCase, Function<Rig, Trial> world) {
        return new CrashAndRetry(useCase, world, List.of());
    }

    public CrashAndRetry allowing(Allowance... more) {
        List<Allowance> all = new ArrayList<>(allowances);
        all.addAll(List.of(more));
        return new CrashAndRetry(useCase, world, all);
    }

    public String useCase() {
        return useCase;
    }

    /** The writes of a clean run, in order ({@code Port.method}). */
    public List<String> cleanWrites() {
        return clean().writes;
    }

    /** Every place to crash: each write of a clean run, before and after it. */
    public List<Crashpoint> crashpoints() {
        List<Crashpoint> points = new ArrayList<>();
        List<String> writes = cleanWrites();
        for (int k = 1; k <= writes.size(); k++) {
            for (When when : When.values()) {
                points.add(new Crashpoint(this, k, writes.size(), when, writes.get(k - 1)));
            }
        }
        return points;
    }

    /**
     * What a world is built on: the seam its ports go through and the clock its services read (it
     * starts at the epoch: set it to the testbed's moment first; the harness moves it on).
     */
    public record Rig(Faults faults, TestClock clock) {
        public <S> S wire(Class<S> service, Object... collaborators) {
            return faults.wire(service, collaborators);
        }

        public <P> P faulty(Class<P> port, P target) {
            return faults.faulty(port, target);
        }
    }

    /**
     * One fresh world: its store, the call under test, and what the user does next ({@code then},
     * may be null), whose outcome must not depend on whether the call crashed first.
     */
    public record Trial(InMemoryRegistry store, Call call, Call then) {
        public Trial(InMemoryRegistry store, Call call) {
            this(store, call, null);
        }
    }

    /** A use-case call; domain calls throw nothing checked. */
    @FunctionalInterface
    public interface Call {
        Object run();
    }

    /** Crash at the {@code k}-th of {@code of} writes, {@code when}. */
    public record Crashpoint(CrashAndRetry suite, int k, int of, When when, String write) {
        public String name() {
            return suite.useCase + ": crash " + when.name().toLowerCase() + " write " + k + " of " + of + " (" + write + ")";
        }

        public Outcome run() {
            return suite.crashAt(this);
        }
    }

    /**
     * What a crash and its retry left. {@code retry} and {@code then} say how they answered
     * ({@code succeeded}, {@code refused CODE [violations]}, or {@code failed: Exception}); the
     * differences are against the clean run after the call and after the next step.
     */
    public record Outcome(Crashpoint at, String retry, String then, String cleanThen, List<String> anomalies,
                          List<Difference> differences, List<Difference> differencesAfterThen) {

        public boolean survived() {
            return anomalies.isEmpty() && differences.isEmpty() && differencesAfterThen.isEmpty();
        }

        public void assertSurvived() {
            if (!survived()) {
                throw new AssertionError(this.toString());
            }
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(at.name()).append(": retry ").append(retry);
            if (then != null) {
                s.append(", then ").append(then);
            }
            anomalies.forEach(a -> s.append("\n  ").append(a));
            differences.forEach(d -> s.append("\n  ").append(d));
            differencesAfterThen.forEach(d -> s.append("\n  after the next step: ").append(d));
            return s.toString();
        }
    }

    private record Clean(List<String> writes, Snapshot afterCall, String then, Snapshot afterThen) {
    }

    private synchronized Clean clean() {
        if (clean == null) {
            Rig rig = new Rig(new Faults(), new TestClock(Instant.EPOCH));
            Trial trial = world.apply(rig);
            rig.faults().reset();
            try {
                trial.call().run();
            } catch (RuntimeException e) {
                throw new IllegalStateException(useCase + ": the clean run must succeed", e);
            }
            List<String> writes = rig.faults().writeLog();
            rig.clock().advance(LATER);
            Snapshot afterCall = trial.store().snapshot();
            rig.clock().advance(LATER);
            String then = answer(trial.then());
            clean = new Clean(writes, afterCall, then, trial.store().snapshot());
        }
        return clean;
    }

    private Outcome crashAt(Crashpoint point) {
        Clean expected = clean();
        Rig rig = new Rig(new Faults(), new TestClock(Instant.EPOCH));
        Trial trial = world.apply(rig);
        List<String> anomalies = new ArrayList<>();
        rig.faults().failAt(point.k(), point.when());
        Instant crashedAt = rig.clock().instant();
        try {
            trial.call().run();
            anomalies.add("the call returned: write " + point.k() + " " + (rig.faults().crashed()
                    ? "crashed but something caught the crash" : "never came (the writes differ from the clean run's)"));
        } catch (Crash expectedCrash) {
            // the function died here
        } catch (RuntimeException e) {
            anomalies.add("the call did not die of the crash but of " + e);
        }
        rig.faults().reset();
        rig.clock().advance(LATER);
        Instant retriedAt = rig.clock().instant();
        String retry = answer(trial.call());
        if (retry.startsWith("failed")) {
            anomalies.add("the retry " + retry + " (a 5xx, not a clear refusal)");
        }
        Snapshot afterRetry = trial.store().snapshot();
        rig.clock().advance(LATER);
        String then = answer(trial.then());
        if (then != null && !then.equals(expected.then())) {
            anomalies.add("the next step " + then + " where after a clean run it " + expected.then());
        }
        Snapshot afterThen = trial.store().snapshot();
        return new Outcome(point, retry, then, expected.then(), anomalies,
                expected.afterCall().differences(allowed(expected.afterCall(), afterRetry, retriedAt, crashedAt)),
                expected.afterThen().differences(allowed(expected.afterThen(), afterThen, retriedAt, crashedAt)));
    }

    /** The actual state with the retry's moment read as the crashed call's, then every allowance applied. */
    private Snapshot allowed(Snapshot expected, Snapshot actual, Instant retriedAt, Instant crashedAt) {
        Snapshot adjusted = actual.rewrite(node -> retriedAt.equals(node) ? crashedAt : node);
        for (Allowance allowance : allowances) {
            adjusted = allowance.adjust().apply(expected, adjusted);
        }
        return adjusted;
    }

    private static String answer(Call call) {
        if (call == null) {
            return null;
        }
        try {
            call.run();
            return "succeeded";
        } catch (DomainProblem p) {
            String violations = p.violations().stream().map(Violation::code).collect(Collectors.joining(", "));
            return "refused " + p.code() + (violations.isEmpty() ? "" : " [" + violations + "]");
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }
}
