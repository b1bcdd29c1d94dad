package anguan.domain.issuance;

/** What an {@link IssueOrder} came to, for the consumer's log line. */
public enum IssueOutcome {
    /** The effect of the approval is now applied in full (by this delivery or, in part, by earlier ones). */
    APPLIED,
    /** An earlier delivery applied it: nothing was written. */
    ALREADY_APPLIED,
    /** The application is unknown, deleted or not approved: there is nothing to apply, now or later. */
    DROPPED
}
