package anguan.aws.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A queue consumer's batch with ReportBatchItemFailures (DESIGN.md: every SQS consumer reports
 * partial failures): each record handled on its own, and only the ones not done with reported, so
 * that they alone come back (and, after maxReceiveCount, go to the dead-letter queue).
 */
public final class SqsBatch {
    /**
     * How long a consumer waits, in one delivery, for the write a message follows. Every step hands
     * its message over before its own write (so that a crash between the two loses nothing), and
     * SQS often delivers it within milliseconds, before that write has landed. Failing it at once
     * would leave it invisible for the queue's VisibilityTimeout (180 s in template.yaml): an SMS
     * or a certificate three minutes late. So the step is tried again after these pauses (about
     * 1.5 s in all), which covers a write that is merely slower than the queue; only a write that
     * never comes (the step died) is left to the queue's retry and, at last, its dead-letter queue.
     */
    public static final List<Duration> PATIENCE = List.of(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80),
            Duration.ofMillis(160), Duration.ofMillis(320), Duration.ofMillis(640));

    private SqsBatch() {
    }

    /**
     * {@code step}'s answer, tried again after each of {@code pauses} while it throws what
     * {@code notYetDue} recognises; the last try's exception is thrown. Any other exception is
     * thrown at once.
     */
    public static <T> T whenDue(Supplier<T> step, Predicate<RuntimeException> notYetDue, List<Duration> pauses) {
        for (Duration pause : pauses) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (!notYetDue.test(e)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return step.get();
    }

    /** @param handled true when the record is done with, false when it must come again */
    public static SQSBatchResponse each(SQSEvent event, Predicate<SQSEvent.SQSMessage> handled) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords() == null ? List.<SQSEvent.SQSMessage>of() : event.getRecords()) {
            if (!handled.test(message)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * The start of a record's one log line: its message id and how often SQS has delivered it
     * (ApproximateReceiveCount; null when absent). The consumer adds what it read and the outcome.
     */
    public static Map<String, Object> logLine(SQSEvent.SQSMessage message) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messageId", message.getMessageId());
        line.put("receiveCount", message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount"));
        return line;
    }
}
