package anguan.aws.dynamo;

import anguan.domain.common.Sequence;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Atomic counters: one UpdateItem ADD per number, so two containers never hand out the same one. */
public final class DynamoSequence implements Sequence {
    private final Table table;

    public DynamoSequence(Table table) {
        this.table = table;
    }

    @Override
    public long next(String counter) {
        var result = table.client().updateItem(r -> r.tableName(table.name())
                .key(Table.key("COUNTER#" + counter, "COUNTER"))
                .updateExpression("ADD #v :one")
                .expressionAttributeNames(Map.of("#v", "value"))
                .expressionAttributeValues(Map.of(":one", Table.n(1)))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(result.attributes().get("value").n());
    }
}
