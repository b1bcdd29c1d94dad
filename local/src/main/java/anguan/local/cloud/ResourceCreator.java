package anguan.local.cloud;

import anguan.local.sns.Topics;
import anguan.local.template.Intrinsics;
import anguan.local.template.Resource;
import anguan.local.template.Template;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the template's tables, buckets and queues in the local cloud, so that the functions
 * run against exactly what the template declares (a missing GSI or a queue without its dead-letter
 * queue fails locally). Safe to run again: whatever exists already is kept (a persisted table that
 * lacks an index declared since is made again with its items). Topics and their SQS subscriptions
 * ({@code AWS::SNS::Subscription}, or a topic's own {@code Subscription} list) are made in the local
 * SNS endpoint; on other endpoints (LocalStack) topics are only named.
 */
public final class ResourceCreator {
    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(10);
    /** Queue properties that SQS takes as attributes under the same name. */
    private static final List<String> QUEUE_ATTRIBUTES = List.of(
            "DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds",
            "VisibilityTimeout", "FifoQueue", "ContentBasedDeduplication");

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final SqsClient sqs;
    private final Topics topics;
    private final ObjectMapper json = new ObjectMapper();

    public ResourceCreator(LocalCloud cloud) {
        this(cloud.dynamoDb(), cloud.s3(), cloud.sqs(), cloud.topics());
    }

    private ResourceCreator(DynamoDbClient dynamoDb, S3Client s3, SqsClient sqs, Topics topics) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.sqs = sqs;
        this.topics = topics;
    }

    /** On any AWS-compatible endpoints: the adapters' suite makes the same resources in LocalStack. */
    public ResourceCreator(DynamoDbClient dynamoDb, S3Client s3, SqsClient sqs) {
        this(dynamoDb, s3, sqs, null);
    }

    /** Creates what is missing and answers the names {@code !Ref}/{@code !GetAtt} resolve to. */
    public PhysicalNames create(Template template) {
        PhysicalNames names = new PhysicalNames(template);
        Intrinsics intrinsics = new Intrinsics(names);
        for (Resource table : template.resourcesOfType(Template.TABLE)) {
            createTable(table, intrinsics);
        }
        for (Resource bucket : template.resourcesOfType(Template.BUCKET)) {
            createBucket(bucket);
        }
        for (Resource queue : deadLetterQueuesFirst(template)) {
            createQueue(queue, intrinsics, names);
        }
        if (topics != null) {
            createTopics(template, intrinsics);
        }
        return names;
    }

    // ---- DynamoDB

    private void createTable(Resource table, Intrinsics intrinsics) {
        String name = PhysicalNames.tableName(table);
        CreateTableRequest request = createTableRequest(name, map(intrinsics.resolve(table.properties())));
        TableDescription existing = describe(dynamoDb, name);
        if (existing == null) {
            try {
                dynamoDb.createTable(request);
            } catch (ResourceInUseException createdMeanwhile) {
                // another runner or test got there first: fine
            }
        } else if (!indexNames(existing).containsAll(request.globalSecondaryIndexes().stream().map(GlobalSecondaryIndex::indexName).toList())) {
            recreateKeepingItems(dynamoDb, request);
        }
        // TimeToLiveSpecification is not applied: dynalite has no TTL, and expiry is checked in code anyway.
        awaitActive(dynamoDb, name);
    }

    private CreateTableRequest createTableRequest(String name, Map<String, Object> p) {
        boolean provisioned = "PROVISIONED".equals(p.getOrDefault("BillingMode", "PROVISIONED"))
                && p.get("ProvisionedThroughput") != null;
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(list(p.get("AttributeDefinitions")).stream().map(a -> AttributeDefinition.builder()
                        .attributeName(string(a, "AttributeName")).attributeType(string(a, "AttributeType")).build()).toList())
                .keySchema(keySchema(p.get("KeySchema")))
                .billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
        if (provisioned) {
            request.provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
        }
        List<GlobalSecondaryIndex> gsis = list(p.get("GlobalSecondaryIndexes")).stream().map(this::gsi).toList();
        if (!gsis.isEmpty()) {
            request.globalSecondaryIndexes(gsis);
        }
        List<LocalSecondaryIndex> lsis = list(p.get("LocalSecondaryIndexes")).stream().map(i -> LocalSecondaryIndex.builder()
                .indexName(string(i, "IndexName")).keySchema(keySchema(map(i).get("KeySchema")))
                .projection(projection(map(i).get("Projection"))).build()).toList();
        if (!lsis.isEmpty()) {
            request.localSecondaryIndexes(lsis);
        }
        return request.build();
    }

    /**
     * A persisted table from an older template lacks an index declared since. dynalite cannot add
     * an index to an existing table, so the table is made again and its items copied over (local
     * data is small; the alternative would be losing it to --reset).
     */
    private static void recreateKeepingItems(DynamoDbClient dynamoDb, CreateTableRequest request) {
        String name = request.tableName();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.scanPaginator(s -> s.tableName(name)).items().forEach(items::add);
        dynamoDb.deleteTable(d -> d.tableName(name));
        awaitGone(dynamoDb, name);
        dynamoDb.createTable(request);
        awaitActive(dynamoDb, name);
        for (Map<String, AttributeValue> item : items) {
            dynamoDb.putItem(p -> p.tableName(name).item(item));
        }
        System.err.println("[local] table " + name + " was made again with the template's indexes; " + items.size() + " items kept");
    }

    private static Set<String> indexNames(TableDescription table) {
        Set<String> names = new LinkedHashSet<>();
        table.globalSecondaryIndexes().forEach(i -> names.add(i.indexName()));
        return names;
    }

    private static void awaitGone(DynamoDbClient dynamoDb, String name) {
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        while (describe(dynamoDb, name) != null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + name + " was not deleted");
            }
            pause();
        }
    }

    private GlobalSecondaryIndex gsi(Object definition) {
        Map<String, Object> index = map(definition);
        GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                .indexName(string(index, "IndexName"))
                .keySchema(keySchema(index.get("KeySchema")))
                .projection(projection(index.get("Projection")));
        if (index.get("ProvisionedThroughput") != null) {
            gsi.provisionedThroughput(throughput(index.get("ProvisionedThroughput")));
        }
        return gsi.build();
    }

    private static List<KeySchemaElement> keySchema(Object definition) {
        return list(definition).stream().map(k -> KeySchemaElement.builder()
                .attributeName(string(k, "AttributeName")).keyType(string(k, "KeyType")).build()).toList();
    }

    private static Projection projection(Object definition) {
        Map<String, Object> projection = map(definition);
        Projection.Builder builder = Projection.builder()
                .projectionType(Objects.toString(projection.get("ProjectionType"), "KEYS_ONLY"));
        List<Object> nonKey = list(projection.get("NonKeyAttributes"));
        if (!nonKey.isEmpty()) {
            builder.nonKeyAttributes(nonKey.stream().map(String::valueOf).toList());
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(Object definition) {
        Map<String, Object> throughput = map(definition);
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(string(throughput, "ReadCapacityUnits")))
                .writeCapacityUnits(Long.parseLong(string(throughput, "WriteCapacityUnits")))
                .build();
    }

    private static TableDescription describe(DynamoDbClient dynamoDb, String name) {
        try {
            return dynamoDb.describeTable(d -> d.tableName(name)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    /** dynalite is told to create instantly, but a table still passes through CREATING. */
    private static void awaitActive(DynamoDbClient dynamoDb, String name) {
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        while (true) {
            TableDescription table = describe(dynamoDb, name);
            if (table != null && table.tableStatus() == TableStatus.ACTIVE
                    && table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexStatus)
                    .allMatch(IndexStatus.ACTIVE::equals)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + name + " did not become ACTIVE");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a table", e);
        }
    }

    // ---- S3

    private void createBucket(Resource bucket) {
        String name = PhysicalNames.bucketName(bucket);
        try {
            s3.headBucket(h -> h.bucket(name));
        } catch (NoSuchBucketException e) {
            s3.createBucket(c -> c.bucket(name));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(c -> c.bucket(name));
        }
        // Versioning and default encryption where S3Proxy's store supports them; public access
        // blocks have no meaning on a loopback emulator.
        if ("Enabled".equals(bucket.path("VersioningConfiguration", "Status"))) {
            bestEffort(() -> s3.putBucketVersioning(v -> v.bucket(name)
                    .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED))));
        }
        if (bucket.property("BucketEncryption") != null) {
            bestEffort(() -> s3.putBucketEncryption(e -> e.bucket(name)
                    .serverSideEncryptionConfiguration(c -> c.rules(r -> r.applyServerSideEncryptionByDefault(
                            d -> d.sseAlgorithm(ServerSideEncryption.AES256))))));
        }
    }

    private static void bestEffort(Runnable call) {
        try {
            call.run();
        } catch (S3Exception notSupportedByTheStore) {
            // the emulator's store lacks the feature; the functions do not depend on it
        }
    }

    // ---- SNS

    private void createTopics(Template template, Intrinsics intrinsics) {
        for (Resource topic : template.resourcesOfType(Template.TOPIC)) {
            String arn = topics.create(PhysicalNames.topicName(topic));
            if (topic.property("Subscription") instanceof List<?> inline) {
                for (Object subscription : inline) {
                    Map<String, Object> fields = map(subscription);
                    subscribe(topic.logicalId(), arn, fields.get("Protocol"), intrinsics.resolveString(fields.get("Endpoint")), false);
                }
            }
        }
        for (Resource subscription : template.resourcesOfType(Template.SUBSCRIPTION)) {
            String topicArn = intrinsics.resolveString(subscription.property("TopicArn"));
            boolean raw = Boolean.parseBoolean(String.valueOf(intrinsics.resolve(subscription.property("RawMessageDelivery"))));
            subscribe(subscription.logicalId(), topicArn, subscription.property("Protocol"),
                    intrinsics.resolveString(subscription.property("Endpoint")), raw);
        }
    }

    private void subscribe(String logicalId, String topicArn, Object protocol, String endpoint, boolean raw) {
        if (!"sqs".equals(protocol)) {
            // e.g. email or lambda: nothing local receives them, and the platform uses none
            System.err.println("[local] " + logicalId + ": protocol " + protocol + " is not delivered locally (only sqs is)");
            return;
        }
        if (!topics.exists(topicArn)) {
            throw new IllegalArgumentException(logicalId + ": TopicArn " + topicArn + " is no topic of the template");
        }
        topics.subscribe(topicArn, endpoint, raw);
    }

    // ---- SQS

    private void createQueue(Resource queue, Intrinsics intrinsics, PhysicalNames names) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        for (String attribute : QUEUE_ATTRIBUTES) {
            Object value = queue.property(attribute);
            if (value != null) {
                attributes.put(QueueAttributeName.fromValue(attribute), intrinsics.resolveString(value));
            }
        }
        Object redrive = queue.property("RedrivePolicy");
        if (redrive != null) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY, toJson(intrinsics.resolve(redrive)));
        }
        String url = sqs.createQueue(c -> c.queueName(PhysicalNames.queueName(queue)).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(g -> g.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        names.queueCreated(queue.logicalId(), url, arn);
    }

    /** A queue's redrive policy names its dead-letter queue's ARN, which exists only once that queue does. */
    private static List<Resource> deadLetterQueuesFirst(Template template) {
        List<Resource> queues = template.resourcesOfType(Template.QUEUE);
        List<Resource> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < queues.size()) {
            boolean progress = false;
            for (Resource queue : queues) {
                if (!placed.contains(queue.logicalId()) && placed.containsAll(queueReferences(queue.property("RedrivePolicy"), template))) {
                    ordered.add(queue);
                    placed.add(queue.logicalId());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalArgumentException("queues' RedrivePolicy references form a cycle");
            }
        }
        return ordered;
    }

    /** Logical ids of queues a value refers to through Ref or GetAtt. */
    static Set<String> queueReferences(Object value, Template template) {
        Set<String> found = new LinkedHashSet<>();
        collectReferences(value, found);
        found.removeIf(id -> template.resource(id).map(r -> !r.type().equals(Template.QUEUE)).orElse(true));
        return found;
    }

    private static void collectReferences(Object value, Set<String> found) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, argument) -> {
                if ("Ref".equals(key)) {
                    found.add(String.valueOf(argument));
                } else if ("Fn::GetAtt".equals(key) && argument instanceof List<?> parts && !parts.isEmpty()) {
                    found.add(String.valueOf(parts.getFirst()));
                } else {
                    collectReferences(argument, found);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, found));
        }
    }

    // ---- plumbing

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static String string(Object map, String key) {
        Object value = map(map).get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + " in " + map);
        }
        return value.toString();
    }
}
