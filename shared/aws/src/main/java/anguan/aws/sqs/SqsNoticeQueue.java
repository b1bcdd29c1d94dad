package anguan.aws.sqs;

import anguan.domain.notification.Notice;
import anguan.domain.notification.NoticeQueue;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Hands notices to the notifier through the notification queue ({@code NOTIFICATION_QUEUE_URL}).
 * A retried step sends the same notice again; the notifier sends its SMS once. The body may hold a
 * signing code, so it is never logged, and an SQS error is passed on with the notice's id only.
 */
public final class SqsNoticeQueue implements NoticeQueue {
    /** The most entries SQS takes in one SendMessageBatch. */
    private static final int MAX_BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsNoticeQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(Notice notice) {
        String body = NoticeMessages.body(notice);
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        } catch (SdkException e) {
            throw new IllegalStateException(notice + " not queued: " + e.getClass().getSimpleName(), null);
        }
    }

    /**
     * One SendMessageBatch per {@value #MAX_BATCH} notices (SQS's limit), one round trip instead of
     * one a notice. A batch can fail in part: any entry refused is an error naming the notices
     * refused (their ids only), so the caller hands them all over again, and the notifier sends each once.
     */
    @Override
    public void publishAll(List<Notice> notices) {
        for (int from = 0; from < notices.size(); from += MAX_BATCH) {
            List<Notice> batch = notices.subList(from, Math.min(notices.size(), from + MAX_BATCH));
            List<SendMessageBatchRequestEntry> entries = IntStream.range(0, batch.size())
                    .mapToObj(i -> SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                            .messageBody(NoticeMessages.body(batch.get(i))).build()).toList();
            List<String> refused;
            try {
                refused = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries)).failed().stream()
                        .map(f -> batch.get(Integer.parseInt(f.id())).toString()).toList();
            } catch (SdkException e) {
                throw new IllegalStateException(batch + " not queued: " + e.getClass().getSimpleName(), null);
            }
            if (!refused.isEmpty()) {
                throw new IllegalStateException(refused + " not queued");
            }
        }
    }
}
