package anguan.local.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.LocalRunner;
import anguan.local.cloud.LocalCloud;
import anguan.local.fixture.TopicProject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sqs.model.Message;

/** The local SNS endpoint through the AWS SDK's own SnsClient, and GET /dev/sms (TopicProject: no functions). */
class SnsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path project;
    private static LocalRunner runner;
    private static SnsClient sns;

    @BeforeAll
    static void start() {
        runner = LocalRunner.start(LocalRunner.Options.forTests().withTemplate(TopicProject.create(project)));
        LocalCloud cloud = runner.cloud();
        sns = SnsClient.builder()
                .endpointOverride(cloud.snsEndpoint().orElseThrow())
                .region(Region.of(LocalCloud.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalCloud.ACCESS_KEY_ID, LocalCloud.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        if (sns != null) {
            sns.close();
        }
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void anSmsPublishedThroughSnsShowsInDevSmsNewestFirstWithTheMobileMasked() throws Exception {
        String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Instant before = Instant.now();
        String firstId = sns.publish(p -> p.phoneNumber("+86" + mobile).message("【安管】验证码 123456")).messageId();
        sns.publish(p -> p.phoneNumber(mobile).message("【安管】您有一份申请表待签名"));
        sns.publish(p -> p.phoneNumber("+8613900000000").message("someone else's"));
        assertFalse(firstId.isBlank());

        HttpResponse<String> response = get("/dev/sms?mobile=" + mobile);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode items = JSON.readTree(response.body()).get("items");
        assertEquals(2, items.size(), response.body());
        assertEquals("【安管】您有一份申请表待签名", items.get(0).get("text").asText());
        assertEquals("【安管】验证码 123456", items.get(1).get("text").asText());
        assertEquals(mobile.substring(0, 3) + "******" + mobile.substring(9), items.get(0).get("mobile").asText());
        assertFalse(response.body().contains(mobile), "the mobile is masked in the response");
        assertFalse(Instant.parse(items.get(1).get("sentAt").asText()).isBefore(before.minusSeconds(1)));
    }

    @Test
    void devSmsWithoutAValidMobileIsA400ProblemInChinese() throws Exception {
        for (String query : List.of("", "?mobile=", "?mobile=1380000", "?mobile=%E4", "?mobile=abc")) {
            HttpResponse<String> response = get("/dev/sms" + query);
            assertEquals(400, response.statusCode(), query);
            assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow(), query);
            JsonNode problem = JSON.readTree(response.body());
            assertEquals(400, problem.get("status").asInt());
            assertEquals("BAD_REQUEST", problem.get("code").asText());
            assertTrue(problem.get("detail").asText().matches(".*[\\u4e00-\\u9fff].*"), response.body());
        }
    }

    @Test
    void aTopicMessageReachesARawSubscriberAsSentAndAnEnvelopeSubscriberWrapped() throws Exception {
        String topicArn = String.valueOf(runner.names().ref("Notifications"));
        String message = "{\"applicationId\":\"" + UUID.randomUUID() + "\"}";
        String messageId = sns.publish(p -> p.topicArn(topicArn).message(message).subject("签名")
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("SIGNED").build())))
                .messageId();

        Message raw = receiveOne("RawQueue");
        assertEquals(message, raw.body());
        assertEquals("SIGNED", raw.messageAttributes().get("kind").stringValue());

        JsonNode envelope = JSON.readTree(receiveOne("EnvelopeQueue").body());
        assertEquals("Notification", envelope.get("Type").asText());
        assertEquals(messageId, envelope.get("MessageId").asText());
        assertEquals(topicArn, envelope.get("TopicArn").asText());
        assertEquals(message, envelope.get("Message").asText());
        assertEquals("签名", envelope.get("Subject").asText());
        assertEquals("SIGNED", envelope.at("/MessageAttributes/kind/Value").asText());
        assertEquals("String", envelope.at("/MessageAttributes/kind/Type").asText());
    }

    @Test
    void topicsAndSubscriptionsMadeThroughTheSdkDeliverToo() throws Exception {
        String topicArn = sns.createTopic(c -> c.name("Extra" + UUID.randomUUID().toString().substring(0, 8))).topicArn();
        assertEquals(topicArn, sns.createTopic(c -> c.name(topicArn.substring(topicArn.lastIndexOf(':') + 1))).topicArn(),
                "CreateTopic of an existing name answers the same topic");
        String spareArn = runner.names().attribute("SpareQueue", "Arn");
        String subscriptionArn = sns.subscribe(s -> s.topicArn(topicArn).protocol("sqs").endpoint(spareArn)
                .attributes(Map.of("RawMessageDelivery", "true"))).subscriptionArn();
        assertTrue(subscriptionArn.startsWith(topicArn + ":"), subscriptionArn);
        assertTrue(sns.listTopics().topics().stream().anyMatch(t -> t.topicArn().equals(topicArn)));
        assertTrue(sns.listTopics().topics().stream().anyMatch(t -> t.topicArn().equals(String.valueOf(runner.names().ref("Notifications")))));

        sns.publish(p -> p.topicArn(topicArn).message("extra"));
        assertEquals("extra", receiveOne("SpareQueue").body());
    }

    @Test
    void whatSnsWouldRefuseIsRefusedAsSnsDoes() {
        assertThrows(NotFoundException.class, () -> sns.publish(p -> p.topicArn("arn:aws:sns:us-east-1:000000000000:Nowhere").message("x")));
        SnsException noTarget = assertThrows(SnsException.class, () -> sns.publish(p -> p.message("x")));
        assertEquals(400, noTarget.statusCode());
        SnsException email = assertThrows(SnsException.class, () -> sns.subscribe(s -> s
                .topicArn(String.valueOf(runner.names().ref("Notifications"))).protocol("email").endpoint("a@b.c")));
        assertEquals(400, email.statusCode());
    }

    @Test
    void theFunctionsAreToldWhereSnsIs() {
        assertEquals(runner.cloud().snsEndpoint().orElseThrow().toString(), runner.cloud().sdkEnvironment().get("AWS_ENDPOINT_URL_SNS"));
    }

    private static Message receiveOne(String queue) {
        String url = String.valueOf(runner.names().ref(queue));
        List<Message> messages = runner.cloud().sqs().receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(5)
                .maxNumberOfMessages(10).messageAttributeNames("All")).messages();
        assertEquals(1, messages.size(), queue + " has the one message");
        runner.cloud().sqs().deleteMessage(d -> d.queueUrl(url).receiptHandle(messages.getFirst().receiptHandle()));
        return messages.getFirst();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(runner.baseUrl().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
