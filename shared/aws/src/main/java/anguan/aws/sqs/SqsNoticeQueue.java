package anguan.aws.sqs;

import anguan.domain.notification.Notice;
import anguan.domain.notification.NoticeQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Hands notices to the notifier through the notification queue ({@code NOTIFICATION_QUEUE_URL}).
 * A retried step sends the same notice again; the notifier sends its SMS once. The body may hold a
 * signing code, so it is never logged, and an SQS error is passed on with the notice's id only.
 */
public final class SqsNoticeQueue implements NoticeQueue {
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
}
