package anguan.aws.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the signing texts come from. The AWS services are stood in for by {@link RecordingStores}
 * (no Docker here for LocalStack): this tests which source is chosen and with which name, not the
 * SDK calls themselves.
 */
class SigningSecretsTest {
    @TempDir
    Path dir;
    private final RecordingStores aws = new RecordingStores();

    @AfterEach
    void clearEnvironment() {
        Env.use(Map.of());
    }

    @Test
    void locallyBothTextsAreReadFromTheirFiles() throws IOException {
        Path material = Files.writeString(dir.resolve("material.properties"), "format=1\nca.certificate=MIIB\n");
        Path kek = Files.writeString(dir.resolve("kek"), "a2VrIGJ5dGVz\n");

        SigningSecrets secrets = SigningSecrets.read(variables(Map.of(
                "SIGNING_MATERIAL_FILE", material.toString(), "KEY_ENCRYPTION_KEY_FILE", kek.toString())), aws);

        assertEquals("format=1\nca.certificate=MIIB\n", secrets.material());
        assertEquals("a2VrIGJ5dGVz\n", secrets.keyEncryptionKey());
        assertTrue(aws.calls.isEmpty(), aws.calls.toString());
        assertFalse(secrets.toString().contains("a2Vr"), secrets.toString());
        assertFalse(secrets.toString().contains("MIIB"), secrets.toString());
    }

    @Test
    void inAwsTheMaterialAndTheKekAreTwoSecrets() {
        SigningSecrets secrets = SigningSecrets.read(variables(Map.of(
                "SIGNING_MATERIAL_SECRET_ARN", "arn:aws:secretsmanager:cn-north-1:1:secret:anguan/signing-AbCdEf",
                "KEY_ENCRYPTION_KEY_SECRET_ARN", "arn:aws:secretsmanager:cn-north-1:1:secret:kek")), aws);

        assertEquals("secret of arn:aws:secretsmanager:cn-north-1:1:secret:anguan/signing-AbCdEf", secrets.material());
        assertEquals("secret of arn:aws:secretsmanager:cn-north-1:1:secret:kek", secrets.keyEncryptionKey());
        assertEquals(List.of("secret arn:aws:secretsmanager:cn-north-1:1:secret:anguan/signing-AbCdEf",
                "secret arn:aws:secretsmanager:cn-north-1:1:secret:kek"), aws.calls);
    }

    @Test
    void theLocalFilesWinOverTheAwsNamesTheTemplateAlsoSets() throws IOException {
        Path material = Files.writeString(dir.resolve("material.properties"), "local material");
        Path kek = Files.writeString(dir.resolve("kek"), "local kek");
        SigningSecrets secrets = SigningSecrets.read(variables(Map.of(
                "SIGNING_MATERIAL_FILE", material.toString(), "KEY_ENCRYPTION_KEY_FILE", kek.toString(),
                "SIGNING_MATERIAL_SECRET_ARN", "arn:aws:secretsmanager:cn-north-1:1:secret:x",
                "KEY_ENCRYPTION_KEY_SECRET_ARN", "arn:aws:secretsmanager:cn-north-1:1:secret:kek")), aws);

        assertEquals("local material", secrets.material());
        assertEquals("local kek", secrets.keyEncryptionKey());
        assertTrue(aws.calls.isEmpty(), aws.calls.toString());
    }

    @Test
    void neitherConfiguredSaysWhatToSet() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SigningSecrets.read(variables(Map.of()), aws));
        assertTrue(refused.getMessage().contains("the signing material is not configured"), refused.getMessage());
        assertTrue(refused.getMessage().contains("SIGNING_MATERIAL_FILE"), refused.getMessage());
        assertTrue(refused.getMessage().contains("SIGNING_MATERIAL_SECRET_ARN"), refused.getMessage());

        IllegalStateException noKek = assertThrows(IllegalStateException.class, () -> SigningSecrets.read(variables(Map.of(
                "SIGNING_MATERIAL_SECRET_ARN", "arn:aws:secretsmanager:cn-north-1:1:secret:x")), aws));
        assertTrue(noKek.getMessage().contains("the key-encryption key is not configured"), noKek.getMessage());
        assertTrue(noKek.getMessage().contains("KEY_ENCRYPTION_KEY_SECRET_ARN"), noKek.getMessage());
    }

    @Test
    void aMissingOrEmptyFileIsNamedButNotRead() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        Path kek = Files.writeString(dir.resolve("kek"), "kek");

        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> SigningSecrets.read(variables(Map.of(
                "SIGNING_MATERIAL_FILE", dir.resolve("absent").toString(), "KEY_ENCRYPTION_KEY_FILE", kek.toString())), aws));
        assertTrue(missing.getMessage().contains("SIGNING_MATERIAL_FILE names " + dir.resolve("absent") + ", which cannot be read"),
                missing.getMessage());
        IllegalStateException blank = assertThrows(IllegalStateException.class, () -> SigningSecrets.read(variables(Map.of(
                "SIGNING_MATERIAL_FILE", kek.toString(), "KEY_ENCRYPTION_KEY_FILE", empty.toString())), aws));
        assertTrue(blank.getMessage().contains("which is empty"), blank.getMessage());
    }

    @Test
    void theContainerReadsTheFilesOnceAndKeepsWhatItRead() throws IOException {
        Path material = Files.writeString(dir.resolve("material.properties"), "first");
        Path kek = Files.writeString(dir.resolve("kek"), "kek");
        Env.use(Map.of("SIGNING_MATERIAL_FILE", material.toString(), "KEY_ENCRYPTION_KEY_FILE", kek.toString()));

        SigningSecrets first = SigningSecrets.fromEnvironment();
        Files.writeString(material, "second");

        assertEquals("first", SigningSecrets.fromEnvironment().material());
        assertTrue(first == SigningSecrets.fromEnvironment());
    }

    private static java.util.function.Function<String, Optional<String>> variables(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    private static final class RecordingStores implements SigningSecrets.Stores {
        final List<String> calls = new ArrayList<>();

        @Override
        public String secret(String arn) {
            calls.add("secret " + arn);
            return "secret of " + arn;
        }

    }
}
