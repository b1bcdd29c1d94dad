package anguan.local.adapters;

import anguan.local.cloud.LocalCloud;

/** The adapters' suite against the project's own emulators: dynalite, S3Proxy, ElasticMQ (no Docker). */
class EmulatorAdaptersIT extends AdaptersIT {

    @Override
    AwsBackend startBackend() {
        LocalCloud cloud = LocalCloud.startTransient();
        return new AwsBackend(cloud.dynamoDb(), cloud.s3(), cloud.s3Presigner(), cloud.sqs(), cloud);
    }
}
