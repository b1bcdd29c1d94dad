package anguan.aws.config;

import anguan.aws.dynamo.DynamoApplicationRepository;
import anguan.aws.dynamo.DynamoCertificateRepository;
import anguan.aws.dynamo.DynamoEnterpriseRepository;
import anguan.aws.dynamo.DynamoPersonRepository;
import anguan.aws.dynamo.DynamoSequence;
import anguan.aws.dynamo.Table;
import anguan.aws.s3.S3DocumentStore;
import anguan.domain.common.DocumentStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The adapters a function needs, built once per container from the environment
 * ({@code TABLE_NAME}, {@code BUCKET_NAME}). Functions take what they use.
 */
public final class Platform {
    private final Table table;
    private final Clock clock;
    private final Supplier<DocumentStore> documents;

    public Platform(Table table, Supplier<DocumentStore> documents, Clock clock) {
        this.table = table;
        this.documents = memoized(documents);
        this.clock = clock;
    }

    /**
     * The S3 clients are built on first use: a function that never touches a document (most
     * requests of most functions) does not pay for them in its cold start.
     */
    public static Platform fromEnvironment() {
        Clock clock = Clock.systemUTC();
        Table table = new Table(Clients.dynamoDb(), Env.require("TABLE_NAME"));
        String bucket = Env.require("BUCKET_NAME");
        return new Platform(table, () -> new S3DocumentStore(Clients.s3(), Clients.s3Presigner(), bucket, clock), clock);
    }

    public Table table() {
        return table;
    }

    public Clock clock() {
        return clock;
    }

    /** The document store, as a port that builds its clients on first use. */
    public DocumentStore documents() {
        return new DocumentStore() {
            @Override
            public void put(String key, byte[] content, String contentType) {
                documents.get().put(key, content, contentType);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return documents.get().get(key);
            }

            @Override
            public DownloadLink link(String key, String fileName, Duration validFor) {
                return documents.get().link(key, fileName, validFor);
            }
        };
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = supplier.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }

    public DynamoPersonRepository persons() {
        return new DynamoPersonRepository(table);
    }

    public DynamoEnterpriseRepository enterprises() {
        return new DynamoEnterpriseRepository(table);
    }

    public DynamoCertificateRepository certificates() {
        return new DynamoCertificateRepository(table);
    }

    public DynamoApplicationRepository applications() {
        return new DynamoApplicationRepository(table);
    }

    public DynamoSequence sequence() {
        return new DynamoSequence(table);
    }
}
