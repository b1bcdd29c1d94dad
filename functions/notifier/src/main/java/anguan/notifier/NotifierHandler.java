package anguan.notifier;

import anguan.aws.config.Platform;
import anguan.aws.log.Log;
import anguan.aws.sqs.NoticeMessages;
import anguan.aws.sqs.SqsBatch;
import anguan.domain.notification.Notice;
import anguan.domain.notification.NotificationService;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * 通知: the notification queue's consumer. Each record is one notice, delivered on its own: one
 * that is not due yet, cannot be read or fails is reported as a batch item failure and comes back
 * (after maxReceiveCount it lands in the dead-letter queue), while the others of its batch are done.
 * One log line per record, with the notice's kind, application and outcome: never the mobile, the
 * text (it may hold a signing code) or the notice's id (an SMS code's id carries its salt).
 */
public final class NotifierHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final NotificationService notifications;
    /** How long a record waits in one delivery for the write it follows ({@link SqsBatch#PATIENCE}). */
    private final List<Duration> patience;

    /** Lambda's entry: everything built once per container. */
    public NotifierHandler() {
        this(Platform.fromEnvironment());
    }

    public NotifierHandler(Platform platform) {
        this(new NotificationService(platform.deliveredNotices(), platform.smsGateway(), platform.applications(), platform.clock()));
    }

    NotifierHandler(NotificationService notifications) {
        this(notifications, SqsBatch.PATIENCE);
    }

    NotifierHandler(NotificationService notifications, List<Duration> patience) {
        this.notifications = notifications;
        this.patience = patience;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.each(event, this::handled);
    }

    /** True when the record is done with (sent, sent before, or dropped); false when it must come again. */
    private boolean handled(SQSEvent.SQSMessage message) {
        Map<String, Object> line = SqsBatch.logLine(message);
        Notice notice;
        try {
            notice = NoticeMessages.notice(message.getBody());
        } catch (NoticeMessages.UndecodableNotice e) {
            line.put("outcome", "UNDECODABLE");
            Log.error("notice", line, e);
            return false;
        }
        line.put("kind", kind(notice));
        line.put("applicationNo", notice.applicationNo());
        line.put("requires", notice.requires());
        try {
            line.put("outcome", SqsBatch.whenDue(() -> notifications.deliver(notice), e -> e instanceof NotificationService.NotYetDue, patience));
            Log.info("notice", line);
            return true;
        } catch (NotificationService.NotYetDue e) {
            line.put("outcome", "NOT_YET_DUE");
            Log.info("notice", line);
            return false;
        } catch (RuntimeException e) {
            line.put("outcome", "FAILED");
            Log.error("notice", line, e);
            return false;
        }
    }

    /** The event a notice tells of: its id up to the first colon ({@code sms-code}, {@code personally-signed}, …). */
    private static String kind(Notice notice) {
        int colon = notice.id().indexOf(':');
        return colon < 0 ? "other" : notice.id().substring(0, colon);
    }
}
