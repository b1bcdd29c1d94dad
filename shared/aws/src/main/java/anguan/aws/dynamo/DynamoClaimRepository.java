package anguan.aws.dynamo;

import anguan.domain.application.claim.Claim;
import anguan.domain.application.claim.ClaimRepository;
import anguan.domain.application.claim.ClaimTarget;
import anguan.domain.common.DomainProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Claims in the person's partition ({@code PERSON#idNo / CLAIM#KIND#value}, see {@link Keys}): each
 * write is one conditional PutItem or DeleteItem, each read a strongly consistent GetItem or Query
 * on the table (never an index), so concurrent submits meet here in the order DynamoDB decides.
 */
public final class DynamoClaimRepository implements ClaimRepository {
    private static final String PREFIX = "CLAIM#";
    private static final String ID_NO = "idNo";
    private static final String APPLICATION = "applicationNo";
    private static final String APPLICATION_VERSION = "applicationVersion";
    private static final String ATTEMPT = "attempt";
    /** The holder vanished (or became this application) between a refused write and the read after it this often: give up. */
    private static final int ROUNDS = 5;
    private static final String STILL_THIS_ONE = "#app = :app AND #attempt = :attempt";
    private static final Map<String, String> STILL_THIS_ONE_NAMES = Map.of("#app", APPLICATION, "#attempt", ATTEMPT);

    private final Table table;

    public DynamoClaimRepository(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Claim> take(Claim claim) {
        for (int round = 0; round < ROUNDS; round++) {
            try {
                var before = table.client().putItem(r -> r.tableName(table.name()).item(item(claim))
                        .conditionExpression("attribute_not_exists(pk) OR #app = :app")
                        .expressionAttributeNames(Map.of("#app", APPLICATION))
                        .expressionAttributeValues(Map.of(":app", Table.s(claim.applicationNo())))
                        .returnValues(ReturnValue.ALL_OLD)).attributes();
                return before == null || before.isEmpty() ? Optional.empty() : Optional.of(claim(before));
            } catch (ConditionalCheckFailedException held) {
                Optional<Claim> holder = table.get(Keys.person(claim.idNo()), sk(claim.target())).map(DynamoClaimRepository::claim);
                if (holder.isPresent() && !holder.get().isOf(claim.applicationNo())) {
                    return holder;
                }
            }
        }
        throw DomainProblem.concurrentUpdate();
    }

    @Override
    public boolean takeOver(Claim claim, Claim from) {
        return written(() -> table.client().putItem(r -> r.tableName(table.name()).item(item(claim))
                .conditionExpression(STILL_THIS_ONE).expressionAttributeNames(STILL_THIS_ONE_NAMES)
                .expressionAttributeValues(stillThisOne(from))));
    }

    @Override
    public boolean release(Claim claim) {
        return written(() -> table.client().deleteItem(r -> r.tableName(table.name())
                .key(Table.key(Keys.person(claim.idNo()), sk(claim.target())))
                .conditionExpression(STILL_THIS_ONE).expressionAttributeNames(STILL_THIS_ONE_NAMES)
                .expressionAttributeValues(stillThisOne(claim))));
    }

    @Override
    public List<Claim> ofApplicant(String idNo) {
        return table.query(null, Keys.PK, Keys.person(idNo), Keys.SK, PREFIX, false).stream()
                .map(DynamoClaimRepository::claim).toList();
    }

    /** Runs a conditional write: true when it was written, false when its condition did not hold. */
    private static boolean written(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException conditionNotMet) {
            return false;
        }
    }

    private static Map<String, AttributeValue> stillThisOne(Claim claim) {
        return Map.of(":app", Table.s(claim.applicationNo()), ":attempt", Table.s(claim.attempt()));
    }

    private static String sk(ClaimTarget target) {
        return PREFIX + target.key();
    }

    private static Map<String, AttributeValue> item(Claim c) {
        Map<String, AttributeValue> item = new HashMap<>(Table.key(Keys.person(c.idNo()), sk(c.target())));
        item.put(ID_NO, Table.s(c.idNo()));
        item.put(APPLICATION, Table.s(c.applicationNo()));
        item.put(APPLICATION_VERSION, Table.n(c.applicationVersion()));
        item.put(ATTEMPT, Table.s(c.attempt()));
        return item;
    }

    private static Claim claim(Map<String, AttributeValue> item) {
        return new Claim(item.get(ID_NO).s(), ClaimTarget.ofKey(item.get(Keys.SK).s().substring(PREFIX.length())),
                item.get(APPLICATION).s(), Long.parseLong(item.get(APPLICATION_VERSION).n()), item.get(ATTEMPT).s());
    }
}
