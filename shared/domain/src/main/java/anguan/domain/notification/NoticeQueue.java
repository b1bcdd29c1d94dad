package anguan.domain.notification;

import java.util.List;

/** Port: hands a notice to the notifier (an SQS queue); delivering it twice is harmless, the notifier sends it once. */
public interface NoticeQueue {
    void publish(Notice notice);

    /**
     * Hands over several notices, all or (on an error) perhaps only some of them: a caller that is
     * told of an error hands them all over again, which is harmless. An adapter that can send them
     * in one request (SQS SendMessageBatch) saves a round trip per notice.
     */
    default void publishAll(List<Notice> notices) {
        notices.forEach(this::publish);
    }
}
