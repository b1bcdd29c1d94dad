package anguan.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * DynamoDB: dynalite (npm, pinned in local/package.json) in a Node.js child process. Tables are
 * created and changed instantly ({@code --createTableMs 0} ...) so tests need no waiting; with a
 * data directory it persists in LevelDB, otherwise it keeps everything in memory.
 */
final class Dynalite implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(20);
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path log;
    private final boolean temporaryLog;
    private final Path pidFile;
    private final Thread killOnExit;

    private Dynalite(Process process, int port, Path log, boolean temporaryLog, Path pidFile) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.temporaryLog = temporaryLog;
        this.pidFile = pidFile;
        // A runner stopped with Ctrl-C must not leave a Node process holding the port and the LevelDB lock.
        this.killOnExit = new Thread(process::destroyForcibly, "dynalite-shutdown");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * @param localDir the project's local/ folder (holds node_modules)
     * @param dataDir  where LevelDB keeps the tables; null keeps them in memory
     */
    static Dynalite start(Path localDir, Path dataDir) {
        Path cli = localDir.resolve("node_modules/dynalite/cli.js");
        checkInstalled(localDir, cli);
        Path pidFile = null;
        Path log;
        boolean temporaryLog = dataDir == null;
        try {
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                pidFile = dataDir.resolveSibling(dataDir.getFileName() + ".pid");
                killLeftover(pidFile);
                log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            } else {
                log = Files.createTempFile("anguan-dynalite", ".log");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = FreePort.pick();
            List<String> command = new ArrayList<>(List.of(node(), cli.toString(),
                    "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
            if (dataDir != null) {
                command.addAll(List.of("--path", dataDir.toString()));
            }
            Process process;
            try {
                process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start Node.js (" + node() + "); install Node.js 20 or newer, or set -Danguan.node", e);
            }
            if (awaitPort(process, port)) {
                if (pidFile != null) {
                    writePid(pidFile, process.pid());
                }
                return new Dynalite(process, port, log, temporaryLog, pidFile);
            }
            process.destroyForcibly();
            failure = new IllegalStateException("dynalite did not start on port " + port + ":\n" + tail(log));
        }
        throw failure;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
        try {
            if (pidFile != null) {
                Files.deleteIfExists(pidFile);
            }
            if (temporaryLog) {
                Files.deleteIfExists(log);
            }
        } catch (IOException ignored) {
            // best effort clean-up of our own files
        }
    }

    private static boolean awaitPort(Process process, int port) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            if (FreePort.answers(port)) {
                return true;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /**
     * A runner killed hard (kill -9) leaves its dynalite running, holding the LevelDB lock of the
     * data directory. The data directory belongs to one runner at a time, so whatever dynalite
     * the pid file names is a leftover.
     */
    private static void killLeftover(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String text = Files.readString(pidFile).trim();
        Files.deleteIfExists(pidFile);
        Optional<ProcessHandle> leftover;
        try {
            leftover = ProcessHandle.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return;
        }
        leftover.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("dynalite")).orElse(false))
                .ifPresent(p -> {
                    p.destroyForcibly();
                    p.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> p).join();
                });
    }

    private static void writePid(Path pidFile, long pid) {
        try {
            Files.writeString(pidFile, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkInstalled(Path localDir, Path cli) {
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: run `npm ci` in " + localDir
                    + " (the Maven build of local/ does it)");
        }
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode pinned = json.readTree(localDir.resolve("package.json").toFile()).path("dependencies").path("dynalite");
            JsonNode installed = json.readTree(localDir.resolve("node_modules/dynalite/package.json").toFile()).path("version");
            if (!pinned.isMissingNode() && !pinned.asText().equals(installed.asText())) {
                throw new IllegalStateException("node_modules has dynalite " + installed.asText() + " but package.json pins "
                        + pinned.asText() + ": run `npm ci` in " + localDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String node() {
        return System.getProperty("anguan.node", "node");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
