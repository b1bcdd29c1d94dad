package anguan.domain.issuance;

/**
 * The order came before the decision it follows was written (the review step hands the order over
 * first, then writes APPROVED): the consumer fails the message and the queue delivers it again later.
 * Not a user's error, and carries no personal data.
 */
public final class NotYetDue extends RuntimeException {
    NotYetDue(String applicationNo) {
        super("application " + applicationNo + " is still under review", null, false, false);
    }
}
