package anguan.aws.sqs;

import anguan.aws.json.Json;
import anguan.domain.issuance.IssueOrder;
import anguan.domain.issuance.IssueQueue;
import com.fasterxml.jackson.core.JsonProcessingException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Hands orders to the issue-certificate consumer through the certificate queue
 * ({@code CERTIFICATE_QUEUE_URL}), one JSON {@link IssueOrder} per message. A retried step sends the
 * same order (same id) again; the consumer acts on an application once, and only when it is APPROVED.
 */
public final class SqsIssueQueue implements IssueQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsIssueQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(IssueOrder order) {
        String body = body(order);
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        } catch (SdkException e) {
            throw new IllegalStateException("issue order " + order.id() + " not queued: " + e.getClass().getSimpleName(), null);
        }
    }

    /** The message body: {@code {"id":…, "applicationNo":…, "orderedAt":…}}. */
    public static String body(IssueOrder order) {
        try {
            return Json.MAPPER.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an issue order is always serialisable (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The order in a message body, for the consumer; an IllegalArgumentException when it is none. */
    public static IssueOrder order(String body) {
        try {
            IssueOrder order = body == null ? null : Json.MAPPER.readValue(body, IssueOrder.class);
            if (order == null) {
                throw new IllegalArgumentException("the message is no issue order (empty)");
            }
            return order;
        } catch (JsonProcessingException | RuntimeException e) {
            throw e instanceof IllegalArgumentException refused ? refused
                    : new IllegalArgumentException("the message is no issue order (" + e.getClass().getSimpleName() + ")");
        }
    }
}
