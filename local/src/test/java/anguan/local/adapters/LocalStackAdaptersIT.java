package anguan.local.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The adapters' suite against LocalStack in Docker, where a Docker engine exists (DESIGN.md, Local
 * mode and tests); without one, as on the project's machines and in CI, this class is disabled and
 * the emulators' run ({@link EmulatorAdaptersIT}) is the one that counts.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackAdaptersIT extends AdaptersIT {
    /**
     * A pinned community image: LocalStack's newer images need a LOCALSTACK_AUTH_TOKEN (since March
     * 2026). {@code -Danguan.localstack.image=...} picks another; a token in the environment is passed on.
     */
    private static final DockerImageName IMAGE = DockerImageName
            .parse(System.getProperty("anguan.localstack.image", "localstack/localstack:4.4.0"))
            .asCompatibleSubstituteFor("localstack/localstack");

    @Container
    private static final LocalStackContainer LOCALSTACK = localStack();

    private static LocalStackContainer localStack() {
        LocalStackContainer container = new LocalStackContainer(IMAGE).withServices("dynamodb", "s3", "sqs", "sns");
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return token == null || token.isBlank() ? container : container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }

    @Override
    AwsBackend startBackend() {
        DynamoDbClient dynamoDb = client(DynamoDbClient.builder());
        S3Client s3 = client(S3Client.builder().forcePathStyle(true));
        SqsClient sqs = client(SqsClient.builder());
        SnsClient sns = client(SnsClient.builder());
        S3Presigner presigner = S3Presigner.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        // The container itself is stopped by the Testcontainers extension.
        return new AwsBackend(dynamoDb, s3, presigner, sqs, sns, LocalStackAdaptersIT::smsTo, () -> {
            for (AutoCloseable client : List.<AutoCloseable>of(dynamoDb, s3, presigner, sqs, sns)) {
                client.close();
            }
        });
    }

    /**
     * LocalStack keeps the SMS it pretends to send and shows them, by E.164 number, at its internal
     * {@code /_aws/sns/sms-messages} endpoint.
     */
    private static List<String> smsTo(String mobile) {
        String phoneNumber = "+86" + mobile;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    LOCALSTACK.getEndpoint().resolve("/_aws/sns/sms-messages?phoneNumber=" + URLEncoder.encode(phoneNumber, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode sent = new ObjectMapper().readTree(response.body()).path("sms_messages").path(phoneNumber);
            List<String> texts = new ArrayList<>();
            sent.forEach(sms -> texts.add(sms.path("Message").asText()));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
    }
}
