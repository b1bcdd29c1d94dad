package anguan.local.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An AWS-compatible back end the adapters' suite runs against: the clients of its endpoints, and
 * what stops it afterwards.
 *
 * @param stop closes the clients and whatever the back end started itself
 */
record AwsBackend(DynamoDbClient dynamoDb, S3Client s3, S3Presigner s3Presigner, SqsClient sqs, AutoCloseable stop)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
