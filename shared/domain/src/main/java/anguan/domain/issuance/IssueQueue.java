package anguan.domain.issuance;

/** Port: hands an order to the certificate queue (SQS); the same order twice is harmless. */
public interface IssueQueue {
    void publish(IssueOrder order);
}
