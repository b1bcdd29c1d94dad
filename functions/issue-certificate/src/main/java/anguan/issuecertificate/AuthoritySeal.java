package anguan.issuecertificate;

import anguan.aws.config.Env;
import anguan.aws.config.SigningSecrets;
import anguan.ofd.SealMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The authority's electronic seal ({@link SealMaterial}) this container seals certificates with,
 * read once at init:
 * <ul>
 *   <li>in AWS, the Secrets Manager secret {@code SEAL_MATERIAL_SECRET_ARN} names (its text is
 *       {@link SealMaterial#serialise}; an operator makes it with {@code anguan.ofd.NewSealMaterial},
 *       README.md, Deploying), read by {@link SigningSecrets}' reader;</li>
 *   <li>on the local runner, the file {@code SEAL_MATERIAL_FILE} names. The runner's own class path
 *       holds anguan-pdf (BouncyCastle jdk18on), where the SM2 material cannot be made, so the first
 *       function to start ({@code ANGUAN_LOCAL=true}) makes it here and the runner keeps it in its
 *       data folder across restarts. Several containers may start at once: each writes its own
 *       temporary file and links it to the name, which fails when another was first; the loser
 *       reads the winner's, so all seal with one key. (A hard link, not {@code Files.move}: on
 *       Linux an atomic move replaces an existing file, which would let two seals exist.)</li>
 * </ul>
 * Without either, or with a missing file outside local mode, init fails with a message naming the
 * variables; no message carries the material.
 */
final class AuthoritySeal {
    static final String FILE = "SEAL_MATERIAL_FILE";
    static final String SECRET_ARN = "SEAL_MATERIAL_SECRET_ARN";
    private static final String LOCAL = "ANGUAN_LOCAL";

    private AuthoritySeal() {
    }

    static SealMaterial fromEnvironment() {
        return load(Env::find, SigningSecrets::secretText, Clock.systemUTC());
    }

    /**
     * @param variables the function's environment
     * @param secrets   GetSecretValue by ARN
     */
    static SealMaterial load(Function<String, Optional<String>> variables, Function<String, String> secrets, Clock clock) {
        Optional<String> file = variables.apply(FILE);
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            if (Files.exists(path)) {
                return SealMaterial.parse(read(path));
            }
            if (variables.apply(LOCAL).filter("true"::equals).isPresent()) {
                return created(path, clock);
            }
            throw new IllegalStateException(FILE + " names " + path + ", which does not exist (only the local runner makes one)");
        }
        return variables.apply(SECRET_ARN).map(secrets).map(SealMaterial::parse)
                .orElseThrow(() -> new IllegalStateException("the authority's seal is not configured: set " + FILE
                        + " (local runner) or " + SECRET_ARN + " (AWS) in this function's environment"));
    }

    /** A new local seal under {@code path}, or the one a container that started at the same moment put there first. */
    private static SealMaterial created(Path path, Clock clock) {
        SealMaterial mine = SealMaterial.create(clock.instant());
        Path folder = path.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, ".seal-", ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, mine.serialise(), StandardCharsets.UTF_8);
            Files.createLink(path, temporary);
            return mine;
        } catch (FileAlreadyExistsException lost) {
            return SealMaterial.parse(read(path));
        } catch (IOException e) {
            throw new UncheckedIOException("a local seal cannot be kept in " + folder, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a stray temporary file in the runner's folder; the seal itself is in place
                }
            }
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " names " + path + ", which cannot be read", e);
        }
    }
}
