package anguan.aws.config;

import anguan.aws.dynamo.DynamoApplicationRepository;
import anguan.aws.dynamo.DynamoCertificateRepository;
import anguan.aws.dynamo.DynamoEnterpriseRepository;
import anguan.aws.dynamo.DynamoPersonRepository;
import anguan.aws.dynamo.DynamoSequence;
import anguan.aws.dynamo.Table;
import anguan.aws.s3.S3DocumentStore;
import java.time.Clock;

/**
 * The adapters a function needs, built once per container from the environment
 * ({@code TABLE_NAME}, {@code BUCKET_NAME}). Functions take what they use.
 */
public record Platform(Table table, S3DocumentStore documents, Clock clock) {

    public static Platform fromEnvironment() {
        Clock clock = Clock.systemUTC();
        Table table = new Table(Clients.dynamoDb(), Env.require("TABLE_NAME"));
        S3DocumentStore documents = new S3DocumentStore(Clients.s3(), Clients.s3Presigner(), Env.require("BUCKET_NAME"), clock);
        return new Platform(table, documents, clock);
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
