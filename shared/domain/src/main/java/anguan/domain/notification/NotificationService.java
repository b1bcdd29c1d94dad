package anguan.domain.notification;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * The notifier: sends each notice once. A notice arrives at least once (SQS), possibly before the
 * write it tells of has landed (its step hands it over first, see {@link Notice#requires}); then it
 * is not yet due and comes back later, and if that write never happens it is dropped unsent.
 */
public final class NotificationService {
    private final DeliveredNotices delivered;
    private final SmsGateway sms;
    private final ApplicationRepository applications;
    private final Clock clock;

    public NotificationService(DeliveredNotices delivered, SmsGateway sms, ApplicationRepository applications, Clock clock) {
        this.delivered = delivered;
        this.sms = sms;
        this.applications = applications;
        this.clock = clock;
    }

    /** What became of one notice. */
    public enum Outcome {
        SENT,
        /** Sent before: a redelivery. */
        ALREADY_SENT,
        /** What it tells of has not happened and never will (the application was deleted or went another way). */
        DROPPED
    }

    /** Thrown when what the notice tells of has not been written yet: the message must come again later. */
    public static final class NotYetDue extends RuntimeException {
        NotYetDue(String noticeId) {
            super("notice " + noticeId + " is not due yet", null, false, false);
        }
    }

    public Outcome deliver(Notice notice) {
        if (delivered.isDelivered(notice.id())) {
            return Outcome.ALREADY_SENT;
        }
        if (!due(notice)) {
            return Outcome.DROPPED;
        }
        // Marked after sending: a notifier killed between the two sends it again on redelivery,
        // the only way one SMS can go twice; marking first would lose it instead.
        sms.send(notice.mobile(), notice.text());
        delivered.markDelivered(notice.id(), clock.instant());
        return Outcome.SENT;
    }

    /** True when the notice may go now, false when it never will; {@link NotYetDue} when it may later. */
    private boolean due(Notice notice) {
        if (notice.requires() == Notice.Requires.NOTHING) {
            return true;
        }
        Optional<Application> found = applications.find(notice.applicationNo());
        if (found.isEmpty() || found.get().isDeleted()) {
            return false;
        }
        Application a = found.get();
        return switch (notice.requires()) {
            case NOTHING -> true;
            case PERSONALLY_SIGNED -> a.personalSignedAt() != null || waiting(notice, a.status() == anguan.domain.application.ApplicationStatus.DRAFT);
            case ENTERPRISE_SIGNED -> a.enterpriseSignedAt() != null
                    || waiting(notice, a.status() == anguan.domain.application.ApplicationStatus.AWAITING_ENTERPRISE);
            case APPROVED -> a.status() == anguan.domain.application.ApplicationStatus.APPROVED
                    || waiting(notice, a.status() == anguan.domain.application.ApplicationStatus.UNDER_REVIEW);
            case REJECTED -> a.status() == anguan.domain.application.ApplicationStatus.REJECTED
                    || waiting(notice, a.status() == anguan.domain.application.ApplicationStatus.UNDER_REVIEW);
        };
    }

    private static boolean waiting(Notice notice, boolean mayStillHappen) {
        if (mayStillHappen) {
            throw new NotYetDue(notice.id());
        }
        return false;
    }
}
