package anguan.ofd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/**
 * The operator's tool for the issuing function's seal secret: writes a new {@link SealMaterial}
 * ({@link SealMaterial#serialise}, the text of the Secrets Manager secret that
 * {@code SEAL_MATERIAL_SECRET_ARN} names) to a new owner-only file, never over an existing one (a
 * seal in use must not be lost: certificates sealed with it must keep verifying). README.md,
 * Deploying, says how it becomes the secret.
 *
 * <pre>./mvnw -q -pl shared/ofd exec:java -Dexec.mainClass=anguan.ofd.NewSealMaterial -Dexec.args="$PWD/seal.properties"</pre>
 */
public final class NewSealMaterial {

    private NewSealMaterial() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: NewSealMaterial <file to write the seal material to>");
            System.exit(2);
            return;
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        try {
            write(file, SealMaterial.create(Instant.now()));
        } catch (FileAlreadyExistsException e) {
            System.err.println(file + " exists: not overwritten (move it away first if it is really to be replaced)");
            System.exit(1);
            return;
        }
        // the certificate only, never the key
        System.out.println("wrote " + file);
    }

    /** Creates {@code file} (owner read/write only where the file system knows POSIX permissions) with the material's text. */
    static void write(Path file, SealMaterial material) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, material.serialise(), StandardCharsets.UTF_8);
    }
}
