package anguan.aws.dynamo;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationRepository;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.common.DomainProblem;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Applications with their audit trail in one partition. Every write of an existing application is
 * conditional on the version it was read at (optimistic locking without transactions), and a
 * person's change carries its audit event inside the same item write (see {@link #update(Application, long, ApplicationEvent)}).
 */
public final class DynamoApplicationRepository implements ApplicationRepository {
    private static final String APP = "APP";
    private static final String EVENT = "EVENT#";
    private static final String LAST_EVENT = "lastEvent";
    private static final String LAST_EVENT_SK = "lastEventSk";
    private static final AtomicLong UNIQUE = new AtomicLong(ThreadLocalRandom.current().nextLong());

    private final Table table;

    public DynamoApplicationRepository(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Application> find(String applicationNo) {
        return table.get(pk(applicationNo), APP).map(i -> Table.read(i, Application.class));
    }

    @Override
    public List<Application> ofApplicant(String idNo) {
        return table.query("gsi1", Keys.GSI1_PK, "APPLICANT#" + idNo, Keys.GSI1_SK, "APP#", true).stream()
                .map(i -> Table.read(i, Application.class)).toList();
    }

    @Override
    public List<Application> ofEnterprise(String uscc) {
        return table.query("gsi2", Keys.GSI2_PK, Keys.enterprise(uscc), Keys.GSI2_SK, "APP#", true).stream()
                .map(i -> Table.read(i, Application.class)).toList();
    }

    @Override
    public List<Application> ofStatus(ApplicationStatus status, Instant since, Instant until) {
        // gsi3sk is APP#<entered>#<no>: "APP#<until>$" sorts after every number of that instant ('$' follows '#')
        return table.queryRange("gsi3", Keys.GSI3_PK, "STATUS#" + status.name(), Keys.GSI3_SK,
                        since == null ? null : "APP#" + Keys.instant(since), until == null ? null : "APP#" + Keys.instant(until) + "$", true)
                .stream().map(i -> Table.read(i, Application.class)).toList();
    }

    @Override
    public void insert(Application application) {
        insertItem(application, item(application));
    }

    @Override
    public void insert(Application application, ApplicationEvent event) {
        Map<String, AttributeValue> line = stateEvent(event, application.version());
        insertItem(application, withLastEvent(item(application), line));
        table.put(line);
    }

    @Override
    public void update(Application application, long expectedVersion) {
        // no event of its own, but the item it replaces may carry one whose line is still missing
        lastEvent(updateItem(item(application), expectedVersion)).ifPresent(table::put);
    }

    /**
     * The change carries its event inside the application item (one conditional write, so the
     * two stand or fall together); the trail's own line is written right after. A function that
     * dies in between leaves the line only in the item: {@link #events} shows it from there, and
     * the next change writes it out before it replaces the item's copy. Writing a line twice is
     * harmless: its key is made from the event and the version it produced.
     */
    @Override
    public void update(Application application, long expectedVersion, ApplicationEvent event) {
        Map<String, AttributeValue> line = stateEvent(event, application.version());
        Map<String, AttributeValue> before = updateItem(withLastEvent(item(application), line), expectedVersion);
        lastEvent(before).ifPresent(table::put);
        table.put(line);
    }

    @Override
    public void append(ApplicationEvent event) {
        // One key per instant, action and role: two different lines of one instant stay apart, and
        // the same line appended again by a retried step is the same item, written once.
        String sk = EVENT + Keys.instant(event.at()) + "#" + event.action().name() + "#" + event.actorRole();
        table.insert(Table.item(pk(event.applicationNo()), sk, event));
    }

    @Override
    public List<ApplicationEvent> events(String applicationNo) {
        SortedMap<String, Map<String, AttributeValue>> lines = new TreeMap<>();
        table.query(null, Keys.PK, pk(applicationNo), Keys.SK, EVENT, false).forEach(i -> lines.put(i.get(Keys.SK).s(), i));
        table.get(pk(applicationNo), APP).flatMap(DynamoApplicationRepository::lastEvent)
                .ifPresent(i -> lines.putIfAbsent(i.get(Keys.SK).s(), i));
        return lines.values().stream().map(i -> Table.read(i, ApplicationEvent.class)).toList();
    }

    private void insertItem(Application application, Map<String, AttributeValue> item) {
        if (!table.insert(item)) {
            throw new IllegalStateException("application number already taken: " + application.applicationNo());
        }
    }

    /** Writes over {@code expectedVersion} only; answers the item it replaced. */
    private Map<String, AttributeValue> updateItem(Map<String, AttributeValue> item, long expectedVersion) {
        return table.replace(item, expectedVersion).orElseThrow(DomainProblem::concurrentUpdate);
    }

    /** The trail's line of the change that produced {@code version}: one key per version, so rewriting it is harmless. */
    private static Map<String, AttributeValue> stateEvent(ApplicationEvent event, long version) {
        String sk = EVENT + Keys.instant(event.at()) + "#v" + String.format("%019d", version);
        return Table.item(pk(event.applicationNo()), sk, event);
    }

    private static Map<String, AttributeValue> withLastEvent(Map<String, AttributeValue> item, Map<String, AttributeValue> line) {
        item.put(LAST_EVENT_SK, line.get(Keys.SK));
        item.put(LAST_EVENT, line.get(Keys.DOC));
        return item;
    }

    /** The line an application item carries for its last change, if it carries one. */
    private static Optional<Map<String, AttributeValue>> lastEvent(Map<String, AttributeValue> application) {
        if (application == null || !application.containsKey(LAST_EVENT_SK)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> line = new HashMap<>(Table.key(application.get(Keys.PK).s(), application.get(LAST_EVENT_SK).s()));
        line.put(Keys.DOC, application.get(LAST_EVENT));
        return Optional.of(line);
    }

    private static String pk(String applicationNo) {
        return Keys.application(applicationNo);
    }

    private static Map<String, AttributeValue> item(Application a) {
        var item = Table.item(pk(a.applicationNo()), APP, a);
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
            // keyed by when it entered the status, so a reviewers' window reads only its own days
            item.put(Keys.GSI3_SK, Table.s("APP#" + Keys.instant(a.enteredStatusAt()) + "#" + a.applicationNo()));
        }
        return item;
    }
}
