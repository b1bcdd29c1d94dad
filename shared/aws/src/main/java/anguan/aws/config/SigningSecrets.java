package anguan.aws.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The two texts the signing material opens from ({@code anguan.pdf.ca.SigningMaterial}): the
 * material (the CA's and the authority's certificates, their keys and the pseudonym pepper, sealed)
 * and the key-encryption key that opens it. They live apart, so that no one permission reads both:
 * <ul>
 * <li>in AWS they are two Secrets Manager secrets ({@code SIGNING_MATERIAL_SECRET_ARN},
 * {@code KEY_ENCRYPTION_KEY_SECRET_ARN}), each with its own resource permission (and, for the
 * stronger set-up, its own KMS key). Two secrets rather than a secret and an SSM parameter: the
 * SSM client alone would add 6 MB to every signing function's zip;</li>
 * <li>on the local runner both are files ({@code SIGNING_MATERIAL_FILE},
 * {@code KEY_ENCRYPTION_KEY_FILE}), which win where both are set.</li>
 * </ul>
 * Read once per container, on first use, so a function that never signs builds no client for them.
 * The SDK modules are optional dependencies of this module: a function that signs declares
 * {@code software.amazon.awssdk:secretsmanager} itself (README.md, Deploying).
 * {@code toString} shows neither text.
 */
public final class SigningSecrets {
    public static final String MATERIAL_FILE = "SIGNING_MATERIAL_FILE";
    public static final String KEY_ENCRYPTION_KEY_FILE = "KEY_ENCRYPTION_KEY_FILE";
    public static final String MATERIAL_SECRET_ARN = "SIGNING_MATERIAL_SECRET_ARN";
    public static final String KEY_ENCRYPTION_KEY_SECRET_ARN = "KEY_ENCRYPTION_KEY_SECRET_ARN";

    private static SigningSecrets container;

    private final String material;
    private final String keyEncryptionKey;

    private SigningSecrets(String material, String keyEncryptionKey) {
        this.material = material;
        this.keyEncryptionKey = keyEncryptionKey;
    }

    /** Where the AWS path reads from; the tests stand in for the two services here. */
    interface Stores {
        String secret(String arn);
    }

    /**
     * The texts for this container: read at the first call, the same object after. A failed read is
     * not remembered, so the next invocation tries again (a throttled GetSecretValue, say).
     *
     * @throws IllegalStateException neither the files nor the AWS names are configured, or a file cannot be read
     */
    public static synchronized SigningSecrets fromEnvironment() {
        if (container == null) {
            container = read(Env::find, new AwsStores());
        }
        return container;
    }

    /**
     * The text of one other secret of a function (the issuing function's seal material), read by
     * the same GetSecretValue as the signing texts, so that there is one Secrets Manager reader.
     * Needs {@code software.amazon.awssdk:secretsmanager} in the function's package.
     */
    public static String secretText(String arn) {
        return new AwsStores().secret(arn);
    }

    /** The material text (Properties), for {@code SigningMaterial.open}. */
    public String material() {
        return material;
    }

    /** The KEK text (base64 of 32 bytes), for {@code SigningMaterial.open}. */
    public String keyEncryptionKey() {
        return keyEncryptionKey;
    }

    static SigningSecrets read(Function<String, Optional<String>> variables, Stores aws) {
        String material = variables.apply(MATERIAL_FILE).map(file -> file(MATERIAL_FILE, file))
                .or(() -> variables.apply(MATERIAL_SECRET_ARN).map(aws::secret))
                .orElseThrow(() -> notConfigured("the signing material", MATERIAL_FILE, MATERIAL_SECRET_ARN));
        String keyEncryptionKey = variables.apply(KEY_ENCRYPTION_KEY_FILE).map(file -> file(KEY_ENCRYPTION_KEY_FILE, file))
                .or(() -> variables.apply(KEY_ENCRYPTION_KEY_SECRET_ARN).map(aws::secret))
                .orElseThrow(() -> notConfigured("the key-encryption key", KEY_ENCRYPTION_KEY_FILE, KEY_ENCRYPTION_KEY_SECRET_ARN));
        return new SigningSecrets(material, keyEncryptionKey);
    }

    private static String file(String variable, String name) {
        Path path = Path.of(name);
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw new IllegalStateException(variable + " names " + path + ", which is empty");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(variable + " names " + path + ", which cannot be read", e);
        }
    }

    private static IllegalStateException notConfigured(String what, String fileVariable, String awsVariable) {
        return new IllegalStateException(what + " is not configured: set " + fileVariable + " (local runner) or "
                + awsVariable + " (AWS) in this function's environment");
    }

    @Override
    public String toString() {
        return "SigningSecrets[hidden]";
    }

    /**
     * GetSecretValue, the client built at each of the (two) calls of a container. The SDK's
     * exceptions name the secret, never its value, and pass through.
     */
    private static final class AwsStores implements Stores {
        @Override
        public String secret(String arn) {
            try (SecretsManagerClient client = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .region(Clients.region()).credentialsProvider(Clients.credentials()).build()) {
                return client.getSecretValue(request -> request.secretId(arn)).secretString();
            } catch (NoClassDefFoundError missing) {
                throw moduleMissing("secretsmanager", missing);
            }
        }


        private static IllegalStateException moduleMissing(String module, NoClassDefFoundError missing) {
            return new IllegalStateException("this function's package lacks software.amazon.awssdk:" + module
                    + " (an optional dependency of anguan-aws: declare it in the function's pom)", missing);
        }
    }
}
