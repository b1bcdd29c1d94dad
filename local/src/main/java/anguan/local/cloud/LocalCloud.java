package anguan.local.cloud;

import anguan.local.ProjectRoot;
import anguan.local.sns.SmsLog;
import anguan.local.sns.SnsEndpoint;
import anguan.local.sns.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS services the functions use, emulated on 127.0.0.1 (no Docker): DynamoDB (dynalite),
 * S3 (S3Proxy), SQS (ElasticMQ) and SNS (the runner's own {@link SnsEndpoint}, which delivers topic
 * messages into ElasticMQ and records SMS), each on a free port. Used by the runner and by
 * integration tests; {@link #close()} stops all of them.
 */
public final class LocalCloud implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    /** Dummy credentials: the emulators accept any, S3Proxy checks V4 signatures made with these. */
    public static final String ACCESS_KEY_ID = "anguan-local";
    public static final String SECRET_ACCESS_KEY = "anguan-local-secret";

    private final Dynalite dynamoDb;
    private final S3Emulator s3;
    private final SqsEmulator sqs;
    private SnsEndpoint sns;
    private final boolean persistent;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private DynamoDbClient dynamoDbClient;
    private S3Client s3Client;
    private S3Presigner s3Presigner;
    private SqsClient sqsClient;

    private LocalCloud(Dynalite dynamoDb, S3Emulator s3, SqsEmulator sqs, boolean persistent) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.sqs = sqs;
        this.persistent = persistent;
    }

    /** Starts every emulator; state in memory only. */
    public static LocalCloud startTransient() {
        return start(ProjectRoot.locate().resolve("local"), null);
    }

    /**
     * Starts every emulator (in parallel: their start-ups are mostly waiting).
     *
     * @param localDir the project's local/ folder (dynalite's node_modules)
     * @param dataDir  where tables and objects persist ({@code dynamodb/}, {@code s3/}); null keeps them in memory
     */
    public static LocalCloud start(Path localDir, Path dataDir) {
        var dynamoDb = CompletableFuture.supplyAsync(() -> Dynalite.start(localDir, dataDir == null ? null : dataDir.resolve("dynamodb")));
        var s3 = CompletableFuture.supplyAsync(() -> S3Emulator.start(dataDir == null ? null : dataDir.resolve("s3")));
        var sqs = CompletableFuture.supplyAsync(SqsEmulator::start);
        try {
            CompletableFuture.allOf(dynamoDb, s3, sqs).join();
        } catch (CompletionException e) {
            for (CompletableFuture<? extends AutoCloseable> started : List.of(dynamoDb, s3, sqs)) {
                started.thenAccept(LocalCloud::closeQuietly);
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        LocalCloud cloud = new LocalCloud(dynamoDb.join(), s3.join(), sqs.join(), dataDir != null);
        try {
            // SNS delivers into SQS, so it starts once ElasticMQ is up (it takes milliseconds).
            SmsLog sms = dataDir == null ? SmsLog.inMemory() : SmsLog.persistentIn(dataDir.resolve("sns").resolve("sms.jsonl"));
            cloud.sns = SnsEndpoint.start(new Topics(REGION, ACCOUNT_ID, cloud.sqs()), sms);
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
        return cloud;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    public URI sqsEndpoint() {
        return sqs.endpoint();
    }

    public Optional<URI> snsEndpoint() {
        return Optional.ofNullable(sns).map(SnsEndpoint::endpoint);
    }

    /** The local SNS's topics and subscriptions. */
    public Topics topics() {
        return sns.topics();
    }

    /** Every SMS sent through the local SNS. */
    public SmsLog sms() {
        return sns.sms();
    }

    public boolean persistent() {
        return persistent;
    }

    /**
     * What a function's AWS SDK clients need to find the emulators: region, dummy credentials and
     * the service endpoints, under the names the SDK itself reads ({@code AWS_ENDPOINT_URL_<SERVICE>}).
     */
    public Map<String, String> sdkEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", REGION);
        env.put("AWS_DEFAULT_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", s3Endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString());
        snsEndpoint().ifPresent(sns -> env.put("AWS_ENDPOINT_URL_SNS", sns.toString()));
        return env;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDbClient == null) {
            dynamoDbClient = track(DynamoDbClient.builder()
                    .endpointOverride(dynamoDbEndpoint())
                    .region(Region.of(REGION))
                    .credentialsProvider(credentials())
                    .httpClient(UrlConnectionHttpClient.create())
                    .build());
        }
        return dynamoDbClient;
    }

    public synchronized S3Client s3() {
        if (s3Client == null) {
            s3Client = track(S3Client.builder()
                    .endpointOverride(s3Endpoint())
                    .region(Region.of(REGION))
                    .credentialsProvider(credentials())
                    .forcePathStyle(true)
                    .httpClient(UrlConnectionHttpClient.create())
                    .build());
        }
        return s3Client;
    }

    public synchronized S3Presigner s3Presigner() {
        if (s3Presigner == null) {
            s3Presigner = track(S3Presigner.builder()
                    .endpointOverride(s3Endpoint())
                    .region(Region.of(REGION))
                    .credentialsProvider(credentials())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                    .build());
        }
        return s3Presigner;
    }

    public synchronized SqsClient sqs() {
        if (sqsClient == null) {
            sqsClient = track(SqsClient.builder()
                    .endpointOverride(sqsEndpoint())
                    .region(Region.of(REGION))
                    .credentialsProvider(credentials())
                    .httpClient(UrlConnectionHttpClient.create())
                    .build());
        }
        return sqsClient;
    }

    @Override
    public synchronized void close() {
        clients.forEach(LocalCloud::closeQuietly);
        clients.clear();
        if (sns != null) {
            closeQuietly(sns);
        }
        closeQuietly(sqs);
        closeQuietly(s3);
        closeQuietly(dynamoDb);
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    private <T extends AutoCloseable> T track(T client) {
        clients.add(client);
        return client;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("[local] closing " + closeable.getClass().getSimpleName() + " failed: " + e);
        }
    }
}
