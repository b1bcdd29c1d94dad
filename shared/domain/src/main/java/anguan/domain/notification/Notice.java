package anguan.domain.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * One SMS to one party, as handed to the notification queue (DOMAIN.md, Notifications). The id is
 * the same however often the step that made it is retried, so the notifier sends it once.
 *
 * @param id           stable for the event it tells of, e.g. {@code enterprise-signed:W2026112700001}
 * @param mobile       where it goes (the registry's mobile or the enterprise's contact mobile)
 * @param text         Chinese, never an ID number, never a code but the signing code
 * @param applicationNo the application it is about
 * @param requires     what must hold of that application when it is sent (the step hands the notice
 *                     over before the write it tells of, so a crash between the two loses nothing
 *                     and a write that never happens tells nobody)
 */
public record Notice(String id, String mobile, String text, String applicationNo, Requires requires, Instant createdAt) {
    public Notice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(requires, "requires");
    }

    /** The state the application must have reached for the notice to be true. */
    public enum Requires {
        /** Nothing: the state it tells of was written before it was handed over (an SMS code). */
        NOTHING,
        /** The person has signed (the enterprise is told it waits for its signature). */
        PERSONALLY_SIGNED,
        /** The enterprise has signed: the application is accepted (受理). */
        ENTERPRISE_SIGNED,
        /**
         * The authority has approved. A decision's notice names its outcome: of two reviewers deciding
         * at once, the one whose write lost must not tell anybody its outcome.
         */
        APPROVED,
        /** The authority has rejected. */
        REJECTED
    }

    /** The text may carry a signing code: never in a log line. */
    @Override
    public String toString() {
        return "Notice[" + id + ", requires=" + requires + "]";
    }
}
