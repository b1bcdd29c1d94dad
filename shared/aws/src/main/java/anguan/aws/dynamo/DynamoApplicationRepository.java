package anguan.aws.dynamo;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationRepository;
import anguan.domain.common.DomainProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Applications with their audit trail in one partition. Every write of an existing application is
 * conditional on the version it was read at (optimistic locking without transactions).
 */
public final class DynamoApplicationRepository implements ApplicationRepository {
    private static final String EVENT = "EVENT#";
    private static final AtomicLong UNIQUE = new AtomicLong(ThreadLocalRandom.current().nextLong());

    private final Table table;

    public DynamoApplicationRepository(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Application> find(String applicationNo) {
        return table.get(pk(applicationNo), "APP").map(i -> Table.read(i, Application.class));
    }

    @Override
    public List<Application> ofApplicant(String idNo) {
        return table.query("gsi1", Keys.GSI1_PK, "APPLICANT#" + idNo, Keys.GSI1_SK, "APP#", true).stream()
                .map(i -> Table.read(i, Application.class)).toList();
    }

    @Override
    public void insert(Application application) {
        try {
            table.client().putItem(r -> r.tableName(table.name()).item(item(application))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("application number already taken: " + application.applicationNo(), e);
        }
    }

    @Override
    public void update(Application application, long expectedVersion) {
        try {
            table.client().putItem(r -> r.tableName(table.name()).item(item(application))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", Keys.VERSION))
                    .expressionAttributeValues(Map.of(":expected", Table.n(expectedVersion))));
        } catch (ConditionalCheckFailedException e) {
            throw DomainProblem.concurrentUpdate();
        }
    }

    @Override
    public void append(ApplicationEvent event) {
        // The counter keeps two events of the same instant apart, in the order this container wrote
        // them; its random start keeps two containers' events of the same instant apart too.
        String sk = EVENT + Keys.instant(event.at()) + "#" + String.format("%016x", UNIQUE.getAndIncrement());
        table.client().putItem(r -> r.tableName(table.name()).item(Table.item(pk(event.applicationNo()), sk, event))
                .conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public List<ApplicationEvent> events(String applicationNo) {
        return table.query(null, Keys.PK, pk(applicationNo), Keys.SK, EVENT, false).stream()
                .map(i -> Table.read(i, ApplicationEvent.class)).toList();
    }

    private static String pk(String applicationNo) {
        return "APP#" + applicationNo;
    }

    private static Map<String, AttributeValue> item(Application a) {
        var item = Table.item(pk(a.applicationNo()), "APP", a);
        String created = "APP#" + Keys.instant(a.createdAt()) + "#" + a.applicationNo();
        item.put(Keys.VERSION, Table.n(a.version()));
        item.put("status", Table.s(a.status().name()));
        item.put(Keys.GSI1_PK, Table.s("APPLICANT#" + a.applicantIdNo()));
        item.put(Keys.GSI1_SK, Table.s(created));
        if (a.enterprise() != null && a.enterprise().uscc() != null) {
            item.put(Keys.GSI2_PK, Table.s(Keys.enterprise(a.enterprise().uscc())));
            item.put(Keys.GSI2_SK, Table.s(created));
        }
        if (!a.isDeleted()) {
            item.put(Keys.GSI3_PK, Table.s("STATUS#" + a.status().name()));
            item.put(Keys.GSI3_SK, Table.s(created));
        }
        return item;
    }
}
