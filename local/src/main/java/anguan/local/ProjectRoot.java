package anguan.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's root: the folder with template.yaml and local/. The runner is started from
 * anywhere (the run script, an IDE, a test in some module), so it looks in the system property
 * {@code anguan.root}, then upwards from the working directory, then upwards from its own jar.
 */
public final class ProjectRoot {
    public static final String PROPERTY = "anguan.root";

    private ProjectRoot() {
    }

    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!isRoot(root)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + configured + " has no template.yaml and local/ folder");
            }
            return root;
        }
        return upwardsFrom(Path.of("").toAbsolutePath())
                .or(() -> codeLocation().flatMap(ProjectRoot::upwardsFrom))
                .orElseThrow(() -> new IllegalStateException(
                        "cannot find the project root (a folder with template.yaml and local/); run from inside the project or set -D" + PROPERTY));
    }

    static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("local"));
    }

    private static Optional<Path> upwardsFrom(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = ProjectRoot.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
