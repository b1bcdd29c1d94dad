package anguan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.fixture.TopicProject;
import anguan.pdf.ca.SigningMaterial;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's signing material (TopicProject: no functions, so the runner starts in moments): made
 * once per data directory and the same at every later start, so documents signed yesterday verify
 * today; an in-memory runner's own, gone when it stops.
 */
class SigningMaterialFilesIT {
    @TempDir
    Path project;
    @TempDir
    Path data;

    @Test
    void aDataDirectoryKeepsItsMaterialAcrossStarts() throws Exception {
        Path template = TopicProject.create(project);
        SigningMaterial first;
        try (LocalRunner runner = LocalRunner.start(LocalRunner.Options.forTests().withTemplate(template).withDataDir(data))) {
            first = runner.signingMaterial();
        }
        Path folder = data.resolve("signing");
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(folder));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(folder.resolve("material.properties")));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(folder.resolve("kek")));
        String stored = Files.readString(folder.resolve("material.properties"));

        try (LocalRunner again = LocalRunner.start(LocalRunner.Options.forTests().withTemplate(template).withDataDir(data))) {
            assertEquals(first.ca().certificate(), again.signingMaterial().ca().certificate());
            assertEquals(first.authority().certificate(), again.signingMaterial().authority().certificate());
            assertEquals(first.pseudonymOf("11010519491231002X"), again.signingMaterial().pseudonymOf("11010519491231002X"));
        }
        assertEquals(stored, Files.readString(folder.resolve("material.properties")), "a later start rewrites nothing");

        try (LocalRunner reset = LocalRunner.start(LocalRunner.Options.forTests().withTemplate(template).withDataDir(data).withReset(true))) {
            assertNotEquals(first.ca().certificate(), reset.signingMaterial().ca().certificate(), "--reset makes a new CA");
        }
    }

    @Test
    void aKekLeftWithoutItsMaterialByACrashedFirstStartIsReplaced() throws Exception {
        Path folder = Files.createDirectories(data.resolve("signing"));
        Files.writeString(folder.resolve("kek"), "left over");
        Files.writeString(folder.resolve("kek.new"), "left over");
        Path template = TopicProject.create(project);

        try (LocalRunner runner = LocalRunner.start(LocalRunner.Options.forTests().withTemplate(template).withDataDir(data))) {
            assertNotEquals("left over", Files.readString(folder.resolve("kek")));
            SigningMaterial reopened = SigningMaterial.open(Files.readString(folder.resolve("material.properties")),
                    Files.readString(folder.resolve("kek")));
            assertEquals(runner.signingMaterial().ca(), reopened.ca());
            assertFalse(Files.exists(folder.resolve("kek.new")));
        }
    }

    @Test
    void anInMemoryRunnerMakesItsOwnAndRemovesItWhenItStops() throws Exception {
        Path template = TopicProject.create(project);
        Path folder;
        try (LocalRunner one = LocalRunner.start(LocalRunner.Options.forTests().withTemplate(template));
             LocalRunner two = LocalRunner.start(LocalRunner.Options.forTests().withTemplate(template))) {
            assertNotEquals(one.signingMaterial().ca(), two.signingMaterial().ca());
            folder = Path.of(one.signingFiles().environment().get("SIGNING_MATERIAL_FILE")).getParent();
            assertTrue(Files.isRegularFile(folder.resolve("material.properties")));
            // Without a table there is no registry, so no enterprise is registered.
            HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(one.baseUrl().resolve("/dev/hardware-tokens"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"uscc\":\"91310000MA1FL4CT2Q\"}")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(404, token.statusCode(), token.body());
        }
        assertFalse(Files.exists(folder), folder + " outlived its runner");
    }
}
