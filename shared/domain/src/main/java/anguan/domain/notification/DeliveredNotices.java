package anguan.domain.notification;

import java.time.Instant;

/** Port: the notices already sent, by id, so that a redelivered message sends nothing. */
public interface DeliveredNotices {
    boolean isDelivered(String noticeId);

    void markDelivered(String noticeId, Instant at);
}
