package anguan.local.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.LocalRunner;
import anguan.local.fixture.QueueProject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The runner's event source mappings, against two consumers packaged by the test (QueueProject). */
class QueuesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a test waits for the pollers; a healthy run needs a few seconds at most. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    static Path project;
    @TempDir
    static Path received;
    @TempDir
    static Path streamReceived;
    private static LocalRunner runner;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        runner = LocalRunner.start(LocalRunner.Options.forTests()
                .withTemplate(QueueProject.create(project, received, streamReceived)));
        sqs = runner.cloud().sqs();
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void aMessageReachesTheFunctionAsAnSqsEventAndIsDeleted() throws Exception {
        String body = "hello " + UUID.randomUUID();
        String id = sqs.sendMessage(s -> s.queueUrl(url("WorkQueue")).messageBody(body)
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("签名通知").build())))
                .messageId();

        JsonNode record = await(() -> records(received).filter(r -> r.get("messageId").asText().equals(id)).findFirst(), "the message");
        assertEquals(body, record.get("body").asText());
        assertEquals(1, record.get("receiveCount").asInt());
        assertEquals(md5(body), record.get("md5OfBody").asText());
        assertEquals("aws:sqs", record.get("eventSource").asText());
        assertEquals(runner.names().attribute("WorkQueue", "Arn"), record.get("eventSourceArn").asText());
        assertEquals("us-east-1", record.get("awsRegion").asText());
        assertTrue(record.get("sentTimestamp").asLong() > 0, record.toString());
        assertFalse(record.get("receiptHandle").asText().isBlank());
        assertEquals("String:签名通知", record.at("/messageAttributes/kind").asText());
        awaitEmpty("WorkQueue");
    }

    @Test
    void aReportedItemFailureIsRedeliveredAndTheOthersAreNot() throws Exception {
        String tag = UUID.randomUUID().toString();
        List<SendMessageBatchRequestEntry> entries = List.of(
                entry("ok-a-" + tag), entry("fail-once-" + tag), entry("ok-b-" + tag));
        sqs.sendMessageBatch(b -> b.queueUrl(url("WorkQueue")).entries(entries));

        await(() -> records(received).filter(r -> r.get("body").asText().equals("fail-once-" + tag)
                && r.get("receiveCount").asInt() == 2).findFirst(), "the failed message again");
        awaitEmpty("WorkQueue");
        for (String ok : List.of("ok-a-" + tag, "ok-b-" + tag)) {
            List<Integer> counts = records(received).filter(r -> r.get("body").asText().equals(ok))
                    .map(r -> r.get("receiveCount").asInt()).toList();
            assertEquals(List.of(1), counts, ok + " was delivered once");
        }
    }

    @Test
    void aThrowingFunctionKeepsItsWholeBatch() throws Exception {
        String tag = UUID.randomUUID().toString();
        sqs.sendMessageBatch(b -> b.queueUrl(url("WorkQueue")).entries(
                entry("throw-once-" + tag), entry("ok-c-" + tag), entry("ok-d-" + tag)));

        List<JsonNode> failedBatch = await(() -> batches(received)
                .filter(batch -> contains(batch, r -> r.get("body").asText().equals("throw-once-" + tag) && r.get("receiveCount").asInt() == 1))
                .findFirst(), "the batch that threw");
        awaitEmpty("WorkQueue");
        for (JsonNode inBatch : failedBatch) {
            String body = inBatch.get("body").asText();
            assertTrue(records(received).anyMatch(r -> r.get("body").asText().equals(body) && r.get("receiveCount").asInt() == 2),
                    body + " was in the batch that threw, so it comes again");
        }
    }

    @Test
    void aMessageThatAlwaysFailsLandsInTheDeadLetterQueueAfterMaxReceiveCount() throws Exception {
        String body = "fail-always-" + UUID.randomUUID();
        sqs.sendMessage(s -> s.queueUrl(url("WorkQueue")).messageBody(body));

        Message dead = await(() -> sqs.receiveMessage(r -> r.queueUrl(url("WorkDeadLetterQueue")).waitTimeSeconds(1).maxNumberOfMessages(10))
                .messages().stream().filter(m -> m.body().equals(body)).findFirst(), "the message in the dead-letter queue");
        sqs.deleteMessage(d -> d.queueUrl(url("WorkDeadLetterQueue")).receiptHandle(dead.receiptHandle()));
        List<Integer> counts = records(received).filter(r -> r.get("body").asText().equals(body))
                .map(r -> r.get("receiveCount").asInt()).sorted().toList();
        assertEquals(List.of(1, 2, 3), counts, "the function saw it maxReceiveCount times, then SQS moved it");
    }

    @Test
    void withoutReportBatchItemFailuresAReturnedListOfFailuresIsIgnored() throws Exception {
        String body = "stream " + UUID.randomUUID();
        sqs.sendMessage(s -> s.queueUrl(url("StreamQueue")).messageBody(body));

        JsonNode event = await(() -> streamEvents().filter(e -> e.toString().contains(body)).findFirst(), "the stream event");
        JsonNode record = event.at("/Records/0");
        assertEquals("aws:sqs", record.get("eventSource").asText());
        assertEquals(runner.names().attribute("StreamQueue", "Arn"), record.get("eventSourceARN").asText());
        assertEquals("1", record.at("/attributes/ApproximateReceiveCount").asText());
        awaitEmpty("StreamQueue");
        // Give a wrongly kept message the time to come back once (RETRY_AFTER), then check it did not.
        Thread.sleep(QueuePoller.RETRY_AFTER.toMillis() * 2 + 1_500);
        assertEquals(1, streamEvents().filter(e -> e.toString().contains(body)).count(), "delivered once, then deleted");
    }

    @Test
    void healthNamesThePolledQueues() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(runner.baseUrl().resolve("/dev/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode health = JSON.readTree(response.body());
        assertEquals("WorkQueue", health.at("/pollers/WorkFunction/0").asText(), response.body());
        assertEquals("StreamQueue", health.at("/pollers/StreamFunction/0").asText(), response.body());
    }

    // ---- helpers

    private static String url(String queue) {
        return String.valueOf(runner.names().ref(queue));
    }

    private static SendMessageBatchRequestEntry entry(String body) {
        return SendMessageBatchRequestEntry.builder().id(UUID.randomUUID().toString()).messageBody(body).build();
    }

    private static boolean contains(List<JsonNode> batch, Predicate<JsonNode> test) {
        return batch.stream().anyMatch(test);
    }

    /** Every record the queue function has received so far. */
    private static Stream<JsonNode> records(Path dir) {
        return batches(dir).flatMap(List::stream);
    }

    private static Stream<List<JsonNode>> batches(Path dir) {
        List<List<JsonNode>> batches = new ArrayList<>();
        for (JsonNode batch : files(dir)) {
            List<JsonNode> records = new ArrayList<>();
            batch.forEach(records::add);
            batches.add(records);
        }
        return batches.stream();
    }

    private static Stream<JsonNode> streamEvents() {
        return files(streamReceived).stream();
    }

    private static List<JsonNode> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<JsonNode> read = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                read.add(JSON.readTree(file.toFile()));
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitEmpty(String queue) throws InterruptedException {
        await(() -> {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(g -> g.queueUrl(url(queue)).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes();
            boolean empty = attributes.values().stream().allMatch("0"::equals);
            return empty ? java.util.Optional.of(true) : java.util.Optional.<Boolean>empty();
        }, queue + " empty");
    }

    private static <T> T await(java.util.function.Supplier<java.util.Optional<T>> probe, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            java.util.Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
    }

    private static String md5(String body) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
