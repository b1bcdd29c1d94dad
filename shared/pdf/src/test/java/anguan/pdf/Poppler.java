package anguan.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs poppler's command-line tools (Debian {@code poppler-utils}) on our documents: a reader that
 * is not PDFBox, so a test shows what another implementation makes of a file. CI installs them
 * ({@code .ci/run}); there a missing tool fails the test, elsewhere it skips it saying what to install.
 */
public final class Poppler {
    private Poppler() {
    }

    /** Fails in CI, skips elsewhere, when the tool is not on the PATH. */
    public static void require(String tool) {
        boolean found = System.getenv("PATH") != null && List.of(System.getenv("PATH").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (found) {
            return;
        }
        String message = tool + " (poppler-utils) is not installed: apt-get install -y poppler-utils";
        if (System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.assumeTrue(false, message);
    }

    /** The tool's standard output and error, run on {@code pdf} written to a file; {@code expectedExit} or fail. */
    public static String run(byte[] pdf, int expectedExit, String tool, String... args) throws IOException, InterruptedException {
        require(tool);
        Path file = Files.createTempFile("anguan-", ".pdf");
        try {
            Files.write(file, pdf);
            List<String> command = new ArrayList<>();
            command.add(tool);
            command.addAll(List.of(args));
            command.add(file.toString());
            if (tool.equals("pdftotext")) {
                command.add("-");
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(tool + " did not finish in 30 s");
            }
            if (expectedExit >= 0) {
                assertEquals(expectedExit, process.exitValue(), tool + " said:\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
