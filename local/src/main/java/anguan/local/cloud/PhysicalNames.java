package anguan.local.cloud;

import anguan.local.template.Intrinsics;
import anguan.local.template.Parameter;
import anguan.local.template.Resource;
import anguan.local.template.Template;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local cloud's names for the template's resources: what {@code !Ref} and {@code !GetAtt}
 * resolve to here. Tables keep their logical id ({@code AnguanTable}), buckets its lower-case form
 * ({@code documentbucket}), queues their logical id (a {@code !Ref} is the queue URL), topics an ARN.
 */
public final class PhysicalNames implements Intrinsics.Names {
    /**
     * Values of parameters that have no Default; the local token issuer uses the same. The signing
     * material's secret resolves to a name that exists nowhere: the runner hands functions the local
     * files instead ({@code SigningMaterialFiles}).
     */
    public static final Map<String, String> LOCAL_PARAMETERS = Map.of(
            "JwtIssuer", "anguan-local",
            "JwtAudience", "anguan",
            "SigningMaterialSecretArn", "arn:aws:secretsmanager:" + LocalCloud.REGION + ":" + LocalCloud.ACCOUNT_ID
                    + ":secret:anguan-local-signing-material",
            "KeyEncryptionKeySecretArn", "arn:aws:secretsmanager:" + LocalCloud.REGION + ":" + LocalCloud.ACCOUNT_ID
                    + ":secret:anguan-local-signing-kek",
            "SealMaterialSecretArn", "arn:aws:secretsmanager:" + LocalCloud.REGION + ":" + LocalCloud.ACCOUNT_ID
                    + ":secret:anguan-local-seal-material");

    private static final String STACK_NAME = "anguan-local";

    private final Template template;
    private final Map<String, String> parameterValues;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private final Map<String, String> queueArns = new ConcurrentHashMap<>();

    public PhysicalNames(Template template, Map<String, String> parameterValues) {
        this.template = template;
        this.parameterValues = Map.copyOf(parameterValues);
    }

    public PhysicalNames(Template template) {
        this(template, LOCAL_PARAMETERS);
    }

    public static String tableName(Resource table) {
        return explicitName(table, "TableName").orElse(table.logicalId());
    }

    public static String bucketName(Resource bucket) {
        return explicitName(bucket, "BucketName").orElse(bucket.logicalId().toLowerCase(Locale.ROOT));
    }

    public static String queueName(Resource queue) {
        boolean fifo = Boolean.parseBoolean(String.valueOf(queue.property("FifoQueue")));
        return explicitName(queue, "QueueName").orElse(queue.logicalId() + (fifo ? ".fifo" : ""));
    }

    public static String topicName(Resource topic) {
        return explicitName(topic, "TopicName").orElse(topic.logicalId());
    }

    public static String topicArn(Resource topic) {
        return "arn:aws:sns:" + LocalCloud.REGION + ":" + LocalCloud.ACCOUNT_ID + ":" + topicName(topic);
    }

    /** Records a queue once it exists (its URL and ARN come from the emulator). */
    void queueCreated(String logicalId, String url, String arn) {
        queueUrls.put(logicalId, url);
        queueArns.put(logicalId, arn);
    }

    /** Every queue's URL by logical id (the runner's SQS pollers use it). */
    public Map<String, String> queueUrls() {
        return Map.copyOf(queueUrls);
    }

    @Override
    public Object ref(String logicalId) {
        switch (logicalId) {
            case "AWS::Region":
                return LocalCloud.REGION;
            case "AWS::AccountId":
                return LocalCloud.ACCOUNT_ID;
            case "AWS::StackName":
                return STACK_NAME;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        Parameter parameter = template.parameters().get(logicalId);
        if (parameter != null) {
            String value = Optional.ofNullable(parameterValues.get(logicalId)).or(parameter::defaultValue)
                    .orElseThrow(() -> new IllegalArgumentException("parameter " + logicalId
                            + " has no Default and no local value (PhysicalNames.LOCAL_PARAMETERS)"));
            return parameter.isList() ? List.copyOf(Arrays.asList(value.split(",", -1))) : value;
        }
        Resource resource = resource(logicalId);
        return switch (resource.type()) {
            case Template.TABLE -> tableName(resource);
            case Template.BUCKET -> bucketName(resource);
            case Template.QUEUE -> created(queueUrls, logicalId);
            case Template.TOPIC -> topicArn(resource);
            case Template.FUNCTION -> logicalId;
            case Template.HTTP_API -> "local";
            default -> throw new IllegalArgumentException("!Ref " + logicalId + ": " + resource.type() + " has no local name");
        };
    }

    @Override
    public String attribute(String logicalId, String attribute) {
        Resource resource = resource(logicalId);
        String prefix = "arn:aws:";
        String region = LocalCloud.REGION + ":" + LocalCloud.ACCOUNT_ID;
        return switch (resource.type() + "." + attribute) {
            case Template.TABLE + ".Arn" -> prefix + "dynamodb:" + region + ":table/" + tableName(resource);
            case Template.BUCKET + ".Arn" -> prefix + "s3:::" + bucketName(resource);
            case Template.BUCKET + ".DomainName", Template.BUCKET + ".RegionalDomainName" -> bucketName(resource) + ".s3.amazonaws.com";
            case Template.QUEUE + ".Arn" -> created(queueArns, logicalId);
            case Template.QUEUE + ".QueueName" -> queueName(resource);
            case Template.QUEUE + ".QueueUrl" -> created(queueUrls, logicalId);
            case Template.TOPIC + ".TopicArn" -> topicArn(resource);
            case Template.TOPIC + ".TopicName" -> topicName(resource);
            case Template.FUNCTION + ".Arn" -> prefix + "lambda:" + region + ":function:" + logicalId;
            default -> throw new IllegalArgumentException("!GetAtt " + logicalId + "." + attribute + " has no local value");
        };
    }

    private Resource resource(String logicalId) {
        return template.resource(logicalId)
                .orElseThrow(() -> new IllegalArgumentException("the template has no parameter or resource " + logicalId));
    }

    private static String created(Map<String, String> names, String logicalId) {
        String name = names.get(logicalId);
        if (name == null) {
            throw new IllegalStateException(logicalId + " is referenced before it was created");
        }
        return name;
    }

    private static Optional<String> explicitName(Resource resource, String property) {
        // A name built with intrinsics would need the stack; the local cloud only honours plain names.
        return resource.property(property) instanceof String name ? Optional.of(name) : Optional.empty();
    }
}
