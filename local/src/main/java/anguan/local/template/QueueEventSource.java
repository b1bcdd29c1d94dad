package anguan.local.template;

/**
 * An {@code SQS} event under a function's {@code Events:}: Lambda's event source mapping, which
 * polls the queue and invokes the function with batches of its messages.
 *
 * @param function                the consuming function's logical id
 * @param eventName               the event's name in the template
 * @param queue                   the queue's logical id ({@code Queue: !GetAtt Q.Arn})
 * @param batchSize               at most this many messages per invocation (SAM's default: 10)
 * @param reportBatchItemFailures {@code FunctionResponseTypes: [ReportBatchItemFailures]}: the
 *                                function may answer which messages failed, and only those stay
 */
public record QueueEventSource(String function, String eventName, String queue, int batchSize,
                               boolean reportBatchItemFailures) {
    /** SQS's own limit for one ReceiveMessage, and SAM's default batch size. */
    public static final int MAX_RECEIVE = 10;
}
