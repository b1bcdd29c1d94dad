package anguan.local.adapters;

import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An AWS-compatible back end the adapters' suite runs against: the clients of its endpoints, and
 * what stops it afterwards.
 *
 * @param smsTo the texts of the SMS its SNS sent to an 11-digit mobile so far (each back end
 *              records them its own way)
 * @param stop  closes the clients and whatever the back end started itself
 */
record AwsBackend(DynamoDbClient dynamoDb, S3Client s3, S3Presigner s3Presigner, SqsClient sqs, SnsClient sns,
                  Function<String, List<String>> smsTo, AutoCloseable stop) implements AutoCloseable {

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
