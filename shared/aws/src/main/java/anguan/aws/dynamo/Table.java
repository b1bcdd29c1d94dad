package anguan.aws.dynamo;

import anguan.aws.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The table as the repositories use it: items are the entity as a JSON document ({@code doc}) plus
 * the key and index attributes that the access patterns need.
 */
public final class Table {
    private final DynamoDbClient db;
    private final String name;

    public Table(DynamoDbClient db, String name) {
        this.db = db;
        this.name = name;
    }

    DynamoDbClient client() {
        return db;
    }

    String name() {
        return name;
    }

    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var item = db.getItem(r -> r.tableName(name).key(key(pk, sk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    void put(Map<String, AttributeValue> item) {
        db.putItem(r -> r.tableName(name).item(item));
    }

    boolean delete(String pk, String sk) {
        var old = db.deleteItem(r -> r.tableName(name).key(key(pk, sk)).returnValues("ALL_OLD")).attributes();
        return old != null && !old.isEmpty();
    }

    /** All items of a partition (of the table, or of an index when {@code index} is set) whose sort key starts with the prefix. */
    List<Map<String, AttributeValue>> query(String index, String pkName, String pkValue, String skName, String skPrefix,
                                            boolean newestFirst) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var builder = QueryRequest.builder().tableName(name)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", pkName, "#sk", skName))
                    .expressionAttributeValues(Map.of(":pk", s(pkValue), ":prefix", s(skPrefix)))
                    .scanIndexForward(!newestFirst)
                    .exclusiveStartKey(start);
            if (index != null) {
                builder.indexName(index);
            } else {
                builder.consistentRead(true);
            }
            QueryResponse page = db.query(builder.build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, s(pk), Keys.SK, s(sk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** An item holding {@code entity} as its document under the given keys. */
    static Map<String, AttributeValue> item(String pk, String sk, Object entity) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        try {
            item.put(Keys.DOC, s(Json.MAPPER.writeValueAsString(entity)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + entity.getClass().getSimpleName(), e);
        }
        return item;
    }

    static <T> T read(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return Json.MAPPER.readValue(item.get(Keys.DOC).s(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " unreadable", e);
        }
    }
}
