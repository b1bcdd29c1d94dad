package anguan.domain.notification;

/** Port: hands a notice to the notifier (an SQS queue); delivering it twice is harmless, the notifier sends it once. */
public interface NoticeQueue {
    void publish(Notice notice);
}
