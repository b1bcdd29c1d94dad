package anguan.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.ProjectRoot;
import anguan.local.template.Template;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The emulators and the resources of template.yaml in them. */
class LocalCloudIT {
    private static final Path ROOT = ProjectRoot.locate();
    private static final Template TEMPLATE = Template.load(ROOT.resolve("template.yaml"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalCloud cloud;
    private static PhysicalNames names;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(ROOT.resolve("local"), null);
        names = new ResourceCreator(cloud).create(TEMPLATE);
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theTableHasTheTemplatesKeysAndGlobalSecondaryIndexes() {
        TableDescription table = cloud.dynamoDb().describeTable(d -> d.tableName("AnguanTable")).table();
        assertEquals(List.of("pk", "sk"), table.keySchema().stream().map(k -> k.attributeName()).toList());
        assertEquals(Set.of("gsi1", "gsi2", "gsi3"),
                table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet()));
        assertEquals("AnguanTable", names.ref("AnguanTable"));
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/AnguanTable", names.attribute("AnguanTable", "Arn"));
    }

    @Test
    void everyQueueExistsAndEveryWorkQueueRedrivesToItsDeadLetterQueue() throws Exception {
        Map<String, String> urls = names.queueUrls();
        assertEquals(Set.of("NotificationQueue", "NotificationDeadLetterQueue", "CertificateQueue", "CertificateDeadLetterQueue"),
                urls.keySet());
        for (String queue : List.of("NotificationQueue", "CertificateQueue")) {
            Map<QueueAttributeName, String> attributes = cloud.sqs().getQueueAttributes(g -> g.queueUrl(urls.get(queue))
                    .attributeNames(QueueAttributeName.ALL)).attributes();
            JsonNode redrive = JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
            String deadLetterQueue = queue.replace("Queue", "DeadLetterQueue");
            assertEquals(names.attribute(deadLetterQueue, "Arn"), redrive.get("deadLetterTargetArn").asText());
            assertEquals(5, redrive.get("maxReceiveCount").asInt());
            assertEquals("180", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        }
        String url = urls.get("NotificationQueue");
        cloud.sqs().sendMessage(m -> m.queueUrl(url).messageBody("{\"hello\":\"队列\"}"));
        var received = cloud.sqs().receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages();
        assertEquals("{\"hello\":\"队列\"}", received.getFirst().body());
    }

    @Test
    void creatingAgainChangesNothing() {
        PhysicalNames again = new ResourceCreator(cloud).create(TEMPLATE);
        assertEquals(names.queueUrls(), again.queueUrls());
        assertEquals(3, cloud.dynamoDb().describeTable(d -> d.tableName("AnguanTable")).table().globalSecondaryIndexes().size());
    }

    @Test
    void theBucketIsVersionedAndAPresignedGetUrlServesTheObject() throws Exception {
        String bucket = (String) names.ref("DocumentBucket");
        assertEquals("documentbucket", bucket);
        assertEquals(BucketVersioningStatus.ENABLED, cloud.s3().getBucketVersioning(v -> v.bucket(bucket)).status());
        String key = "applications/W2026112700001/考核发证申请表_20261127101010.pdf";
        cloud.s3().putObject(p -> p.bucket(bucket).key(key).contentType("application/pdf"), RequestBody.fromString("%PDF-1.7 表"));
        assertEquals("%PDF-1.7 表", cloud.s3().getObjectAsBytes(g -> g.bucket(bucket).key(key)).asUtf8String());

        var url = cloud.s3Presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.toURI()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("%PDF-1.7 表", response.body());
            HttpResponse<String> tampered = http.send(HttpRequest.newBuilder(java.net.URI.create(
                    url.toString().replace("X-Amz-Signature=", "X-Amz-Signature=0"))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, tampered.statusCode());
        }
    }

    @Test
    void theSdkEnvironmentPointsAtTheEmulators() {
        Map<String, String> env = cloud.sdkEnvironment();
        assertEquals("us-east-1", env.get("AWS_REGION"));
        assertEquals(cloud.dynamoDbEndpoint().toString(), env.get("AWS_ENDPOINT_URL_DYNAMODB"));
        assertEquals(cloud.s3Endpoint().toString(), env.get("AWS_ENDPOINT_URL_S3"));
        assertEquals(cloud.sqsEndpoint().toString(), env.get("AWS_ENDPOINT_URL_SQS"));
        assertEquals(cloud.snsEndpoint().orElseThrow().toString(), env.get("AWS_ENDPOINT_URL_SNS"));
    }

    @Test
    void tablesAndObjectsPersistAcrossARestartAndLaterIndexesAreAdded(@TempDir Path data) throws Exception {
        // A template of an older version, without gsi3.
        String older = Files.readString(ROOT.resolve("template.yaml"))
                .replaceAll("(?s)        - IndexName: gsi3.*?ProjectionType: ALL }\n", "");
        Template olderTemplate = Template.parse(older);
        try (LocalCloud first = LocalCloud.start(ROOT.resolve("local"), data)) {
            new ResourceCreator(first).create(olderTemplate);
            assertEquals(2, first.dynamoDb().describeTable(d -> d.tableName("AnguanTable")).table().globalSecondaryIndexes().size());
            first.dynamoDb().putItem(p -> p.tableName("AnguanTable").item(Map.of(
                    "pk", AttributeValue.fromS("PERSON#11010519491231002X"), "sk", AttributeValue.fromS("PROFILE"),
                    "name", AttributeValue.fromS("张三"))));
            first.s3().putObject(p -> p.bucket("documentbucket").key("registry/photo.png"), RequestBody.fromString("png"));
        }
        try (LocalCloud second = LocalCloud.start(ROOT.resolve("local"), data)) {
            new ResourceCreator(second).create(TEMPLATE);
            var item = second.dynamoDb().getItem(g -> g.tableName("AnguanTable").key(Map.of(
                    "pk", AttributeValue.fromS("PERSON#11010519491231002X"), "sk", AttributeValue.fromS("PROFILE")))).item();
            assertEquals("张三", item.get("name").s());
            assertEquals(3, second.dynamoDb().describeTable(d -> d.tableName("AnguanTable")).table().globalSecondaryIndexes().size());
            assertEquals("png", second.s3().getObjectAsBytes(g -> g.bucket("documentbucket").key("registry/photo.png")).asUtf8String());
        }
        assertTrue(Files.isDirectory(data.resolve("dynamodb")));
        assertFalse(Files.exists(data.resolve("dynamodb.pid")));
    }
}
