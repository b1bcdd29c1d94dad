package anguan.domain.registry;

import anguan.domain.common.DomainProblem;
import anguan.domain.common.Versioned;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A feed is merged over the record as it was read and written only if nobody wrote in between.
 * When someone did, merging the same feed again over the fresh record is safe (a feed says only
 * what it sets), so it is tried again, a few times, before the sender is told 409 CONCURRENT_UPDATE.
 */
final class OptimisticRetry {
    /**
     * A try is lost only to another writer's write that landed, and each writer lands once: so
     * feeds of one record sent together all land within as many tries as there are feeds. Eight
     * tries see a burst of up to eight writers of one record through; a busier record answers 409.
     */
    static final int ATTEMPTS = 8;
    private static final int LONGEST_PAUSE_SHIFT = 4;

    private OptimisticRetry() {
    }

    /**
     * @param attempt reads, merges and writes conditionally: the record written, or empty when
     *                another write got in first
     */
    static <T> T untilWritten(Supplier<Optional<T>> attempt) {
        for (int tried = 1; tried <= ATTEMPTS; tried++) {
            Optional<T> written = attempt.get();
            if (written.isPresent()) {
                return written.get();
            }
            if (tried < ATTEMPTS) {
                pause(tried);
            }
        }
        throw DomainProblem.concurrentUpdate();
    }

    /**
     * Inserts where nothing was read, else updates over the version read: the record when that
     * landed. A feed that changes nothing of the record read writes nothing, so a redelivered feed
     * (or a retry after a crash that came after the write) leaves the record, its version and its
     * {@code updatedAt} as the first delivery left them.
     *
     * @param unchanged whether the merged record says nothing new over the one read (the moment of the
     *                  feed aside)
     */
    static <T> Optional<T> write(Optional<Versioned<T>> read, T next, BiPredicate<T, T> unchanged, Predicate<T> insert,
                                 BiPredicate<T, Long> update) {
        if (read.isPresent() && unchanged.test(read.get().value(), next)) {
            return Optional.of(read.get().value());
        }
        boolean landed = read.isEmpty() ? insert.test(next) : update.test(next, read.get().version());
        return landed ? Optional.of(next) : Optional.empty();
    }

    /**
     * Writers that collided once would collide again if they read again at the same instant; a
     * short random pause, growing with each try, sets them apart.
     */
    private static void pause(int tried) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 4L << Math.min(tried, LONGEST_PAUSE_SHIFT)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainProblem.concurrentUpdate();
        }
    }
}
