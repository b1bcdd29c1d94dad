package anguan.aws.dynamo;

import anguan.aws.json.Json;
import anguan.domain.common.Versioned;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The table as the repositories use it: items are the entity as a JSON document ({@code doc}) plus
 * the key and index attributes that the access patterns need, and for records that are merged
 * the {@code version} that makes each write conditional on what was read (no transactions).
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

    /** The item's document with the version it is at (0 for an item written before items carried one). */
    <T> Optional<Versioned<T>> getVersioned(String pk, String sk, Class<T> type) {
        return get(pk, sk).map(item -> new Versioned<>(read(item, type), version(item)));
    }

    /** An unconditional write, for items that are never merged (written whole, the same each time). */
    void put(Map<String, AttributeValue> item) {
        db.putItem(r -> r.tableName(name).item(item));
    }

    /**
     * Writes a new item at version 1, only where none has these keys.
     *
     * @return false, writing nothing, when the item exists
     */
    boolean insert(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> versioned = new HashMap<>(item);
        versioned.put(Keys.VERSION, n(1));
        return conditionally(r -> r.item(versioned).conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK)));
    }

    /**
     * Replaces the item only while it is at {@code expectedVersion}, raising the version by one. An
     * item written before items carried versions is read at 0 and matched by having none.
     *
     * @return false, writing nothing, when the item is at another version or gone
     */
    boolean update(Map<String, AttributeValue> item, long expectedVersion) {
        return replace(item, expectedVersion).isPresent();
    }

    /**
     * {@link #update}, answering the item it replaced (a caller that must finish what the old item
     * left undone reads it there).
     *
     * @return empty, writing nothing, when the item is at another version or gone
     */
    Optional<Map<String, AttributeValue>> replace(Map<String, AttributeValue> item, long expectedVersion) {
        Map<String, AttributeValue> versioned = new HashMap<>(item);
        versioned.put(Keys.VERSION, n(expectedVersion + 1));
        Consumer<PutItemRequest.Builder> condition = expectedVersion == 0
                ? r -> r.conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#v)")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK, "#v", Keys.VERSION))
                : r -> r.conditionExpression("#v = :expected")
                        .expressionAttributeNames(Map.of("#v", Keys.VERSION))
                        .expressionAttributeValues(Map.of(":expected", n(expectedVersion)));
        try {
            return Optional.of(db.putItem(r -> condition.accept(r.tableName(name).item(versioned).returnValues(ReturnValue.ALL_OLD)))
                    .attributes());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private boolean conditionally(Consumer<PutItemRequest.Builder> request) {
        try {
            db.putItem(r -> request.accept(r.tableName(name)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The version an item is at (0 for an item written before items carried one). */
    static long version(Map<String, AttributeValue> item) {
        AttributeValue version = item.get(Keys.VERSION);
        return version == null || version.n() == null ? 0 : Long.parseLong(version.n());
    }

    boolean delete(String pk, String sk) {
        var old = db.deleteItem(r -> r.tableName(name).key(key(pk, sk)).returnValues("ALL_OLD")).attributes();
        return old != null && !old.isEmpty();
    }

    /** All items of a partition (of the table, or of an index when {@code index} is set) whose sort key starts with the prefix. */
    List<Map<String, AttributeValue>> query(String index, String pkName, String pkValue, String skName, String skPrefix,
                                            boolean newestFirst) {
        return query(index, pkName, pkValue, "begins_with(#sk, :prefix)", Map.of("#sk", skName), Map.of(":prefix", s(skPrefix)),
                newestFirst);
    }

    /**
     * All items of a partition whose sort key lies between {@code lowest} and {@code highest}, both
     * included, either null for open (BETWEEN, >= or <=; both null: the whole partition). Only that
     * range is read, so the cost follows the range, not the partition.
     */
    List<Map<String, AttributeValue>> queryRange(String index, String pkName, String pkValue, String skName, String lowest,
                                                 String highest, boolean newestFirst) {
        Map<String, AttributeValue> values = new HashMap<>();
        String condition;
        if (lowest != null && highest != null) {
            condition = "#sk BETWEEN :lowest AND :highest";
        } else if (lowest != null) {
            condition = "#sk >= :lowest";
        } else if (highest != null) {
            condition = "#sk <= :highest";
        } else {
            condition = null;
        }
        if (lowest != null) {
            values.put(":lowest", s(lowest));
        }
        if (highest != null) {
            values.put(":highest", s(highest));
        }
        return query(index, pkName, pkValue, condition, condition == null ? Map.of() : Map.of("#sk", skName), values, newestFirst);
    }

    private List<Map<String, AttributeValue>> query(String index, String pkName, String pkValue, String skCondition,
                                                    Map<String, String> skNames, Map<String, AttributeValue> skValues,
                                                    boolean newestFirst) {
        Map<String, String> names = new HashMap<>(skNames);
        names.put("#pk", pkName);
        Map<String, AttributeValue> values = new HashMap<>(skValues);
        values.put(":pk", s(pkValue));
        String condition = skCondition == null ? "#pk = :pk" : "#pk = :pk AND " + skCondition;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var builder = QueryRequest.builder().tableName(name)
                    .keyConditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
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
