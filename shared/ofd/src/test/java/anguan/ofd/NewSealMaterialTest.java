package anguan.ofd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's seal file: owner-only, parseable, and never written over a seal that exists. */
class NewSealMaterialTest {
    @TempDir
    Path folder;

    @Test
    void writesAnOwnerOnlyFileThatParsesBackAndNeverOverwritesOne() throws Exception {
        Path file = folder.resolve("seal.properties");
        SealMaterial material = SealMaterial.create(Instant.parse("2026-12-01T00:00:00Z"));

        NewSealMaterial.write(file, material);

        assertEquals(material.certificate(), SealMaterial.parse(Files.readString(file)).certificate());
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
        String before = Files.readString(file);
        assertThrows(FileAlreadyExistsException.class,
                () -> NewSealMaterial.write(file, SealMaterial.create(Instant.parse("2026-12-02T00:00:00Z"))));
        assertEquals(before, Files.readString(file));
    }
}
