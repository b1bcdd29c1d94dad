package anguan.aws.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link SqsBatch#whenDue}: a record waits for the write it follows, and only for that. */
class SqsBatchTest {
    private static final List<Duration> THREE_PAUSES = List.of(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1));

    private static final class NotYet extends RuntimeException {
    }

    @Test
    void aStepThatBecomesDueWhileItWaitsAnswersInTheSameDelivery() {
        AtomicInteger tries = new AtomicInteger();
        String answer = SqsBatch.whenDue(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new NotYet();
            }
            return "SENT";
        }, e -> e instanceof NotYet, THREE_PAUSES);

        assertEquals("SENT", answer);
        assertEquals(3, tries.get());
    }

    @Test
    void aStepNeverDueIsTriedOnceAfterEachPauseAndThenLeftToTheQueue() {
        AtomicInteger tries = new AtomicInteger();
        assertThrows(NotYet.class, () -> SqsBatch.whenDue(() -> {
            tries.incrementAndGet();
            throw new NotYet();
        }, e -> e instanceof NotYet, THREE_PAUSES));
        assertEquals(4, tries.get());
    }

    @Test
    void anyOtherFailureIsNotRetriedHere() {
        AtomicInteger tries = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> SqsBatch.whenDue(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("SNS said no");
        }, e -> e instanceof NotYet, THREE_PAUSES));
        assertEquals(1, tries.get());
    }
}
