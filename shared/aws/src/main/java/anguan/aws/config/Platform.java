package anguan.aws.config;

import anguan.aws.dynamo.DynamoApplicationRepository;
import anguan.aws.dynamo.DynamoCertificateRepository;
import anguan.aws.dynamo.DynamoDeliveredNotices;
import anguan.aws.dynamo.DynamoEnterpriseRepository;
import anguan.aws.dynamo.DynamoPersonRepository;
import anguan.aws.dynamo.DynamoSequence;
import anguan.aws.dynamo.DynamoSigningCredentialRepository;
import anguan.aws.dynamo.DynamoSigningLockRepository;
import anguan.aws.dynamo.DynamoSigningSessionRepository;
import anguan.aws.dynamo.DynamoSmsChallengeRepository;
import anguan.aws.dynamo.DynamoSmsQuota;
import anguan.aws.dynamo.Table;
import anguan.aws.s3.S3DocumentStore;
import anguan.aws.sns.SnsSmsGateway;
import anguan.aws.sqs.SqsIssueQueue;
import anguan.aws.sqs.SqsNoticeQueue;
import anguan.domain.common.DocumentStore;
import anguan.domain.issuance.IssueQueue;
import anguan.domain.notification.NoticeQueue;
import anguan.domain.notification.SmsGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The adapters a function needs, built once per container from the environment
 * ({@code TABLE_NAME}, {@code BUCKET_NAME}, and for the functions that hand notices over
 * {@code NOTIFICATION_QUEUE_URL}). Functions take what they use.
 */
public final class Platform {
    private final Table table;
    private final Clock clock;
    private final Supplier<DocumentStore> documents;
    private final Supplier<NoticeQueue> notices;
    private final Supplier<SmsGateway> sms;

    public Platform(Table table, Supplier<DocumentStore> documents, Clock clock) {
        this(table, documents, () -> new SqsNoticeQueue(Clients.sqs(), Env.require("NOTIFICATION_QUEUE_URL")),
                () -> new SnsSmsGateway(Clients.sns()), clock);
    }

    /** Each supplier is called once, on first use. */
    public Platform(Table table, Supplier<DocumentStore> documents, Supplier<NoticeQueue> notices, Supplier<SmsGateway> sms,
                    Clock clock) {
        this.table = table;
        this.documents = memoized(documents);
        this.notices = memoized(notices);
        this.sms = memoized(sms);
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

    /**
     * The notification queue, as a port that builds its SQS client on first use (and only then
     * needs {@code NOTIFICATION_QUEUE_URL}): most requests of a signing function hand no notice over.
     */
    public NoticeQueue noticeQueue() {
        return notice -> notices.get().publish(notice);
    }

    /**
     * The certificate queue, as a port that builds its SQS client on first use (and only then needs
     * {@code CERTIFICATE_QUEUE_URL}): only an approval hands an order over. Call once per container.
     */
    public IssueQueue issueQueue() {
        Supplier<IssueQueue> queue = memoized(() -> new SqsIssueQueue(Clients.sqs(), Env.require("CERTIFICATE_QUEUE_URL")));
        return order -> queue.get().publish(order);
    }

    /** SMS through SNS, as a port that builds its client on first use (a redelivered notice sends nothing). */
    public SmsGateway smsGateway() {
        return (mobile, text) -> sms.get().send(mobile, text);
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

    public DynamoSmsChallengeRepository smsChallenges() {
        return new DynamoSmsChallengeRepository(table);
    }

    public DynamoSmsQuota smsQuota() {
        return new DynamoSmsQuota(table);
    }

    public DynamoSigningLockRepository signingLocks() {
        return new DynamoSigningLockRepository(table);
    }

    public DynamoSigningSessionRepository signingSessions() {
        return new DynamoSigningSessionRepository(table);
    }

    public DynamoSigningCredentialRepository signingCredentials() {
        return new DynamoSigningCredentialRepository(table);
    }

    public DynamoDeliveredNotices deliveredNotices() {
        return new DynamoDeliveredNotices(table);
    }
}
