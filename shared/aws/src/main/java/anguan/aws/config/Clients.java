package anguan.aws.config;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients once per container, from the environment: the region, and on the local
 * runner or in tests an endpoint per service ({@code AWS_ENDPOINT_URL_DYNAMODB} …) with the dummy
 * credentials the emulators accept. The URL-connection HTTP client keeps cold starts short.
 */
public final class Clients {
    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.builder().build();

    private Clients() {
    }

    public static DynamoDbClient dynamoDb() {
        var builder = DynamoDbClient.builder()
                .httpClient(HTTP)
                .region(region())
                .credentialsProvider(credentials());
        endpoint("DYNAMODB").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static S3Client s3() {
        var builder = S3Client.builder()
                .httpClient(HTTP)
                .region(region())
                .credentialsProvider(credentials())
                .forcePathStyle(local());
        endpoint("S3").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static S3Presigner s3Presigner() {
        var builder = S3Presigner.builder()
                .region(region())
                .credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(local()).build());
        endpoint("S3").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SqsClient sqs() {
        var builder = SqsClient.builder()
                .httpClient(HTTP)
                .region(region())
                .credentialsProvider(credentials());
        endpoint("SQS").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SnsClient sns() {
        var builder = SnsClient.builder()
                .httpClient(HTTP)
                .region(region())
                .credentialsProvider(credentials());
        endpoint("SNS").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static Region region() {
        return Region.of(Env.get("AWS_REGION", "cn-north-1"));
    }

    /** On Lambda the runtime puts the role's credentials in the environment; locally the runner puts dummies in {@link Env}. */
    public static AwsCredentialsProvider credentials() {
        Optional<String> key = Env.find("AWS_ACCESS_KEY_ID");
        Optional<String> secret = Env.find("AWS_SECRET_ACCESS_KEY");
        if (key.isPresent() && secret.isPresent() && Env.find("AWS_SESSION_TOKEN").isEmpty()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.get(), secret.get()));
        }
        return EnvironmentVariableCredentialsProvider.create();
    }

    public static boolean local() {
        return Env.find("ANGUAN_LOCAL").map(Boolean::parseBoolean).orElse(false);
    }

    private static Optional<URI> endpoint(String service) {
        return Env.find("AWS_ENDPOINT_URL_" + service).or(() -> Env.find("AWS_ENDPOINT_URL")).map(URI::create);
    }
}
