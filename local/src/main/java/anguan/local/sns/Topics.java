package anguan.local.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * SNS topics and their SQS subscriptions: a message published to a topic is sent at once into
 * every subscribed queue, as its raw text with the message attributes as SQS attributes
 * ({@code RawMessageDelivery: true}) or in the JSON envelope SNS wraps it in otherwise.
 */
public final class Topics {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A subscription of one queue to one topic. */
    public record Subscription(String arn, String topicArn, String queueArn, boolean raw) {
    }

    /** One message attribute as SNS takes it ({@code DataType} String, Number, Binary, String.Array). */
    public record Attribute(String dataType, String value) {
    }

    private final String region;
    private final String accountId;
    private final SqsClient sqs;
    private final Map<String, List<Subscription>> topics = new LinkedHashMap<>();

    public Topics(String region, String accountId, SqsClient sqs) {
        this.region = region;
        this.accountId = accountId;
        this.sqs = sqs;
    }

    /** Creates the topic unless it exists (as SNS's CreateTopic does) and answers its ARN. */
    public synchronized String create(String name) {
        String arn = "arn:aws:sns:" + region + ":" + accountId + ":" + name;
        topics.computeIfAbsent(arn, a -> new CopyOnWriteArrayList<>());
        return arn;
    }

    public synchronized boolean exists(String topicArn) {
        return topics.containsKey(topicArn);
    }

    public synchronized List<String> arns() {
        return List.copyOf(topics.keySet());
    }

    /**
     * Subscribes a queue (by ARN) to a topic; subscribing the same queue again answers the same
     * subscription, as SNS does.
     */
    public synchronized Subscription subscribe(String topicArn, String queueArn, boolean raw) {
        List<Subscription> subscriptions = topics.get(topicArn);
        if (subscriptions == null) {
            throw new IllegalArgumentException("no topic " + topicArn);
        }
        for (Subscription existing : subscriptions) {
            if (existing.queueArn().equals(queueArn)) {
                return existing;
            }
        }
        Subscription subscription = new Subscription(topicArn + ":" + UUID.randomUUID(), topicArn, queueArn, raw);
        subscriptions.add(subscription);
        return subscription;
    }

    public synchronized List<Subscription> subscriptions(String topicArn) {
        return List.copyOf(topics.getOrDefault(topicArn, List.of()));
    }

    /**
     * Delivers a message to every queue subscribed to the topic and answers its message id.
     *
     * @throws IllegalArgumentException when there is no such topic
     */
    public String publish(String topicArn, String message, Optional<String> subject, Map<String, Attribute> attributes) {
        if (!exists(topicArn)) {
            throw new IllegalArgumentException("no topic " + topicArn);
        }
        String messageId = UUID.randomUUID().toString();
        for (Subscription subscription : subscriptions(topicArn)) {
            String queueUrl = queueUrl(subscription.queueArn());
            if (subscription.raw()) {
                Map<String, MessageAttributeValue> sqsAttributes = new LinkedHashMap<>();
                attributes.forEach((name, attribute) -> sqsAttributes.put(name, sqsAttribute(attribute)));
                sqs.sendMessage(s -> s.queueUrl(queueUrl).messageBody(message).messageAttributes(sqsAttributes));
            } else {
                String envelope = envelope(messageId, topicArn, message, subject, attributes, subscription);
                sqs.sendMessage(s -> s.queueUrl(queueUrl).messageBody(envelope));
            }
        }
        return messageId;
    }

    /** The notification JSON SNS sends to a subscriber without raw delivery (unsigned here). */
    private static String envelope(String messageId, String topicArn, String message, Optional<String> subject,
                                   Map<String, Attribute> attributes, Subscription subscription) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", messageId);
        envelope.put("TopicArn", topicArn);
        subject.ifPresent(s -> envelope.put("Subject", s));
        envelope.put("Message", message);
        envelope.put("Timestamp", Instant.now().toString());
        envelope.put("SignatureVersion", "1");
        envelope.put("Signature", "local");
        envelope.put("SigningCertURL", "http://127.0.0.1/local-sns.pem");
        envelope.put("UnsubscribeURL", "http://127.0.0.1/?Action=Unsubscribe&SubscriptionArn=" + subscription.arn());
        if (!attributes.isEmpty()) {
            ObjectNode messageAttributes = envelope.putObject("MessageAttributes");
            attributes.forEach((name, attribute) -> messageAttributes.putObject(name)
                    .put("Type", attribute.dataType()).put("Value", attribute.value()));
        }
        return envelope.toString();
    }

    private static MessageAttributeValue sqsAttribute(Attribute attribute) {
        MessageAttributeValue.Builder value = MessageAttributeValue.builder().dataType(attribute.dataType());
        if (attribute.dataType().startsWith("Binary")) {
            value.binaryValue(software.amazon.awssdk.core.SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(attribute.value())));
        } else {
            // SQS has no String.Array: SNS delivers one as a String holding the JSON array
            value.dataType(attribute.dataType().equals("String.Array") ? "String" : attribute.dataType()).stringValue(attribute.value());
        }
        return value.build();
    }

    private String queueUrl(String queueArn) {
        String name = queueArn.substring(queueArn.lastIndexOf(':') + 1);
        return sqs.getQueueUrl(g -> g.queueName(name)).queueUrl();
    }

    /** The subscriptions of every topic, for the health report. */
    public synchronized List<Subscription> allSubscriptions() {
        List<Subscription> all = new ArrayList<>();
        topics.values().forEach(all::addAll);
        return all;
    }
}
