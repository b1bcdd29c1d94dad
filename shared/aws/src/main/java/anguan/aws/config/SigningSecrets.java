package anguan.aws.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The two texts the signing material opens from ({@code anguan.pdf.ca.SigningMaterial}): the
 * material (the CA's and the authority's certificates, their keys and the pseudonym pepper, sealed)
 * and the key-encryption key that opens it. They live apart, so that no one permission reads both:
 * <ul>
 * <li>in AWS the material is a Secrets Manager secret ({@code SIGNING_MATERIAL_SECRET_ARN}) and the
 * KEK an SSM SecureString parameter ({@code KEY_ENCRYPTION_KEY_PARAMETER}, read with decryption);</li>
 * <li>on the local runner both are files ({@code SIGNING_MATERIAL_FILE},
 * {@code KEY_ENCRYPTION_KEY_FILE}), which win where both are set.</li>
 * </ul>
 * Read once per container, on first use, so a function that never signs builds no client for them.
 * The SDK modules are optional dependencies of this module: a function that signs declares
 * {@code software.amazon.awssdk:secretsmanager} and {@code ssm} itself (README.md, Deploying).
 * {@code toString} shows neither text.
 */
public final class SigningSecrets {
    public static final String MATERIAL_FILE = "SIGNING_MATERIAL_FILE";
    public static final String KEY_ENCRYPTION_KEY_FILE = "KEY_ENCRYPTION_KEY_FILE";
    public static final String MATERIAL_SECRET_ARN = "SIGNING_MATERIAL_SECRET_ARN";
    public static final String KEY_ENCRYPTION_KEY_PARAMETER = "KEY_ENCRYPTION_KEY_PARAMETER";

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

        String parameter(String name);
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
                .or(() -> variables.apply(KEY_ENCRYPTION_KEY_PARAMETER).map(aws::parameter))
                .orElseThrow(() -> notConfigured("the key-encryption key", KEY_ENCRYPTION_KEY_FILE, KEY_ENCRYPTION_KEY_PARAMETER));
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
     * GetSecretValue and GetParameter (with decryption), each client built at its first call. The
     * SDK's exceptions name the secret or parameter, never its value, and pass through.
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

        @Override
        public String parameter(String name) {
            try (SsmClient client = SsmClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .region(Clients.region()).credentialsProvider(Clients.credentials()).build()) {
                return client.getParameter(request -> request.name(name).withDecryption(true)).parameter().value();
            } catch (NoClassDefFoundError missing) {
                throw moduleMissing("ssm", missing);
            }
        }

        private static IllegalStateException moduleMissing(String module, NoClassDefFoundError missing) {
            return new IllegalStateException("this function's package lacks software.amazon.awssdk:" + module
                    + " (an optional dependency of anguan-aws: declare it in the function's pom)", missing);
        }
    }
}
