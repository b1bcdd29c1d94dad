package anguan.domain.testing;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property-based checks in plain JUnit: a generator draws each value from one seeded
 * {@link Random}, a check runs on it, and a failure names the try, the value and the seed, so
 * that {@code -Danguan.seed=<seed>} replays exactly the values that failed. There is no
 * shrinking: the identifiers and requests checked here are short enough to read as they come.
 *
 * <p>Why not jqwik: from 1.10 on its authors ask that it not be used by AI coding agents (its
 * engine says so on every run), and this code is written with one.
 */
public final class Property {
    /** The system property that fixes the seed; without it every run draws a new one. */
    public static final String SEED = "anguan.seed";
    private static final int SHOWN = 2_000;

    private Property() {
    }

    /** Runs {@code check} on {@code tries} values of {@code generator}; the first failure stops it. */
    public static <T> void forAll(int tries, Function<Random, T> generator, Consumer<? super T> check) {
        long seed = seed();
        Random random = new Random(seed);
        for (int i = 1; i <= tries; i++) {
            T value = generator.apply(random);
            try {
                check.accept(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("falsified at try " + i + " of " + tries + " (seed " + seed + ", repeat with -D"
                        + SEED + "=" + seed + ") by: " + shown(value) + System.lineSeparator() + e, e);
            }
        }
    }

    /**
     * The seed of this test run: {@code -Danguan.seed} when given, else one drawn once per JVM, so
     * that the seed a failure names replays every property and fixture that used it.
     */
    public static long seed() {
        Long fixed = Long.getLong(SEED);
        return fixed != null ? fixed : RunSeed.VALUE;
    }

    /** Drawn on first use only. */
    private static final class RunSeed {
        static final long VALUE = ThreadLocalRandom.current().nextLong();
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…(" + text.length() + " characters)";
    }
}
