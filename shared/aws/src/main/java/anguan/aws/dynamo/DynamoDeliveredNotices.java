package anguan.aws.dynamo;

import anguan.domain.notification.DeliveredNotices;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The notices the notifier has sent ({@code NOTICE#id / DELIVERED}, see {@link Keys}). Marking is
 * an unconditional put of the same item, so marking twice (a redelivery that raced the first)
 * is harmless. Kept 30 days: far beyond SQS's retention of a message that could come again.
 */
public final class DynamoDeliveredNotices implements DeliveredNotices {
    private static final String DELIVERED = "DELIVERED";
    private static final String DELIVERED_AT = "deliveredAt";
    private static final Duration KEPT_FOR = Duration.ofDays(30);

    private final Table table;

    public DynamoDeliveredNotices(Table table) {
        this.table = table;
    }

    @Override
    public boolean isDelivered(String noticeId) {
        return table.get(pk(noticeId), DELIVERED).isPresent();
    }

    @Override
    public void markDelivered(String noticeId, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(Table.key(pk(noticeId), DELIVERED));
        item.put(DELIVERED_AT, Table.s(at.toString()));
        item.put(Keys.EXPIRES_AT, Keys.expiresAt(at.plus(KEPT_FOR)));
        table.put(item);
    }

    private static String pk(String noticeId) {
        return "NOTICE#" + noticeId;
    }
}
