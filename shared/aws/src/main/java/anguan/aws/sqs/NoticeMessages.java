package anguan.aws.sqs;

import anguan.aws.json.Json;
import anguan.domain.notification.Notice;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A {@link Notice} as the body of a notification-queue message (JSON), written by the steps that
 * publish and read by the notifier. Neither direction puts a body into an exception's message:
 * the text may hold a signing code.
 */
public final class NoticeMessages {
    private NoticeMessages() {
    }

    /** Thrown for a body that is no notice: the message goes back to the queue and, in the end, to its dead-letter queue. */
    public static final class UndecodableNotice extends RuntimeException {
        UndecodableNotice(Throwable cause) {
            super("the message is no notice (" + cause.getClass().getSimpleName() + ")", null, false, false);
        }
    }

    public static String body(Notice notice) {
        try {
            return Json.MAPPER.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice is always serialisable (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The notice in {@code body}; {@link UndecodableNotice} when it is not one (not JSON, a field missing or malformed). */
    public static Notice notice(String body) {
        if (body == null) {
            throw new UndecodableNotice(new NullPointerException());
        }
        try {
            Notice notice = Json.MAPPER.readValue(body, Notice.class);
            if (notice == null) {
                throw new UndecodableNotice(new NullPointerException());
            }
            return notice;
        } catch (JsonProcessingException | RuntimeException e) {
            throw e instanceof UndecodableNotice undecodable ? undecodable : new UndecodableNotice(e);
        }
    }
}
