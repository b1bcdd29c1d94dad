package anguan.local.queues;

import anguan.local.template.QueueEventSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One event source mapping (Lambda's SQS poller): receives batches from one queue, invokes the
 * function with each as an SQS event, deletes what succeeded and leaves what failed to be
 * received again. The queue's own RedrivePolicy (ElasticMQ honours it on receive) moves a message
 * that failed maxReceiveCount times to its dead-letter queue, as SQS does.
 *
 * <p>A failed message becomes visible again after {@link #RETRY_AFTER} rather than the queue's
 * VisibilityTimeout (180 s in the template): on AWS the retry comes after the timeout, locally a
 * developer or a test would wait minutes for it. A message the function is still working on keeps
 * the queue's own timeout, so it is not delivered twice while in flight. Batches of one event
 * source run one at a time (Lambda would run several at once; the consumers are written for both).
 */
final class QueuePoller implements Runnable {
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** Short so that stopping the runner never waits long for a receive to return. */
    private static final int WAIT_SECONDS = 1;

    private final QueueEventSource source;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final SqsClient sqs;
    private final UnaryOperator<String> function;
    private volatile boolean running = true;

    /**
     * @param function invokes the consuming function with an event (JSON) and answers its result
     *                 (JSON); throws when the function failed
     */
    QueuePoller(QueueEventSource source, String queueUrl, String queueArn, String region, SqsClient sqs,
                UnaryOperator<String> function) {
        this.source = source;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.sqs = sqs;
        this.function = function;
    }

    QueueEventSource source() {
        return source;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                // SQS unreachable, a receipt handle gone stale...: Lambda's poller keeps polling, so does this one
                if (!running) {
                    return;
                }
                System.err.println("[local] " + source.function() + " polling " + source.queue() + " failed: " + e.getMessage());
                pause();
            }
        }
    }

    void stop() {
        running = false;
    }

    /** One receive and, if it brought messages, one invocation. */
    void pollOnce() {
        List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(Math.min(source.batchSize(), QueueEventSource.MAX_RECEIVE))
                .waitTimeSeconds(WAIT_SECONDS)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
        if (batch.isEmpty()) {
            return;
        }
        Set<String> ids = batch.stream().map(Message::messageId).collect(Collectors.toSet());
        Set<String> failed;
        try {
            String answer = function.apply(SqsEvents.event(batch, queueArn, region));
            // Without ReportBatchItemFailures Lambda ignores what the function answers: it returned, so all succeeded.
            failed = source.reportBatchItemFailures() ? BatchResponse.failedIds(answer, ids).orElse(ids) : Set.of();
        } catch (RuntimeException functionFailed) {
            // The function threw: the whole batch stays, as on Lambda.
            System.err.println("[local] " + source.function() + " failed a batch of " + batch.size() + " from "
                    + source.queue() + ": " + functionFailed.getMessage());
            failed = ids;
        }
        for (Message message : batch) {
            if (failed.contains(message.messageId())) {
                retrySoon(message);
            } else {
                sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private void retrySoon(Message message) {
        sqs.changeMessageVisibility(c -> c.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                .visibilityTimeout((int) RETRY_AFTER.toSeconds()));
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
