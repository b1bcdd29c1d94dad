package anguan.local.adapters;

import anguan.local.cloud.LocalCloud;
import anguan.local.sns.Sms;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/** The adapters' suite against the project's own emulators: dynalite, S3Proxy, ElasticMQ and the local SNS endpoint (no Docker). */
class EmulatorAdaptersIT extends AdaptersIT {

    @Override
    AwsBackend startBackend() {
        LocalCloud cloud = LocalCloud.startTransient();
        SnsClient sns = SnsClient.builder()
                .endpointOverride(cloud.snsEndpoint().orElseThrow())
                .region(Region.of(LocalCloud.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalCloud.ACCESS_KEY_ID, LocalCloud.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new AwsBackend(cloud.dynamoDb(), cloud.s3(), cloud.s3Presigner(), cloud.sqs(), sns,
                mobile -> cloud.sms().to(mobile).stream().map(Sms::text).toList(), () -> {
                    sns.close();
                    cloud.close();
                });
    }
}
