package anguan.aws.dynamo;

import anguan.domain.signing.SmsQuota;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Codes sent to one mobile on one day ({@code COUNTER#sms#mobile#day / COUNTER}, see {@link Keys}):
 * one UpdateItem that adds 1 only while the count is below the limit, so any number of requests at
 * once pass it exactly {@code limit} times. The item expires two days after its day.
 */
public final class DynamoSmsQuota implements SmsQuota {
    private static final String COUNT = "count";
    private static final Duration KEPT_FOR = Duration.ofDays(2);

    private final Table table;

    public DynamoSmsQuota(Table table) {
        this.table = table;
    }

    @Override
    public boolean take(String mobile, LocalDate day, int limit) {
        try {
            table.client().updateItem(r -> r.tableName(table.name())
                    .key(Table.key("COUNTER#sms#" + mobile + "#" + day, "COUNTER"))
                    .updateExpression("SET #ttl = :ttl ADD #count :one")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                    .expressionAttributeNames(Map.of("#count", COUNT, "#ttl", Keys.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":one", Table.n(1), ":limit", Table.n(limit),
                            ":ttl", Keys.expiresAt(day.atStartOfDay().toInstant(ZoneOffset.UTC).plus(KEPT_FOR)))));
            return true;
        } catch (ConditionalCheckFailedException limitReached) {
            return false;
        }
    }
}
