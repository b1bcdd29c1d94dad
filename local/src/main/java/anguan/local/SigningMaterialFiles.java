package anguan.local;

import anguan.pdf.ca.SigningMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local runner's signing material (the platform CA, the authority's credential, the pepper and
 * the KEK: {@link SigningMaterial}) as the two files the functions read ({@code SIGNING_MATERIAL_FILE},
 * {@code KEY_ENCRYPTION_KEY_FILE}), where in AWS a secret and a parameter hold them. Made at the
 * first start in {@code <data>/signing/} and reused after, so that what was signed yesterday still
 * verifies against today's CA; an in-memory runner makes its own in a temporary folder, gone when it stops.
 */
final class SigningMaterialFiles implements AutoCloseable {
    private static final String FOLDER = "signing";
    private static final String MATERIAL = "material.properties";
    private static final String KEK = "kek";

    private final Path folder;
    private final boolean temporary;
    private final SigningMaterial material;

    private SigningMaterialFiles(Path folder, boolean temporary, SigningMaterial material) {
        this.folder = folder;
        this.temporary = temporary;
        this.material = material;
    }

    /** @param dataDir the runner's data directory; null for an in-memory runner */
    static SigningMaterialFiles open(Path dataDir) {
        try {
            if (dataDir == null) {
                Path folder = Files.createTempDirectory("anguan-signing-");
                return new SigningMaterialFiles(folder, true, created(folder));
            }
            Path folder = dataDir.resolve(FOLDER);
            Files.createDirectories(folder);
            ownerOnly(folder, "rwx------");
            // The material is moved in last (created): a KEK without it is a start that died half way, and nothing was signed under it.
            SigningMaterial material = Files.exists(folder.resolve(MATERIAL)) ? stored(folder) : created(folder);
            return new SigningMaterialFiles(folder, false, material);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing material in " + (dataDir == null ? "a temporary folder" : dataDir), e);
        }
    }

    /** The opened material: its CA is what documents signed by this runner's functions chain to. */
    SigningMaterial material() {
        return material;
    }

    /** What every function's environment gets instead of the template's secret and parameter names. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SIGNING_MATERIAL_FILE", folder.resolve(MATERIAL).toString());
        environment.put("KEY_ENCRYPTION_KEY_FILE", folder.resolve(KEK).toString());
        return environment;
    }

    private static SigningMaterial stored(Path folder) throws IOException {
        Path kek = folder.resolve(KEK);
        if (!Files.exists(kek)) {
            throw new IllegalStateException(folder.resolve(MATERIAL) + " has no " + KEK + " beside it, so it cannot be opened;"
                    + " start with --reset to make new signing material (documents signed under the old one no longer verify)");
        }
        return SigningMaterial.open(Files.readString(folder.resolve(MATERIAL), StandardCharsets.UTF_8),
                Files.readString(kek, StandardCharsets.US_ASCII));
    }

    private static SigningMaterial created(Path folder) throws IOException {
        SigningMaterial.Created created = SigningMaterial.create(Instant.now());
        Path kekPart = folder.resolve(KEK + ".new");
        Path materialPart = folder.resolve(MATERIAL + ".new");
        Files.deleteIfExists(kekPart);
        Files.deleteIfExists(materialPart);
        SigningMaterial.write(kekPart, created.stored().keyEncryptionKey());
        SigningMaterial.write(materialPart, created.stored().material());
        Files.move(kekPart, folder.resolve(KEK), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.move(materialPart, folder.resolve(MATERIAL), StandardCopyOption.ATOMIC_MOVE);
        return created.material();
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // local material for a local runner: the user's own folder is enough elsewhere
        }
    }

    /** Removes a temporary folder; a data directory's material stays. */
    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("[local] could not remove " + folder + ": " + e.getMessage());
        }
    }
}
