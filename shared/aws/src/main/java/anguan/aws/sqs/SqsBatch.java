package anguan.aws.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A queue consumer's batch with ReportBatchItemFailures (DESIGN.md: every SQS consumer reports
 * partial failures): each record handled on its own, and only the ones not done with reported, so
 * that they alone come back (and, after maxReceiveCount, go to the dead-letter queue).
 */
public final class SqsBatch {
    private SqsBatch() {
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
