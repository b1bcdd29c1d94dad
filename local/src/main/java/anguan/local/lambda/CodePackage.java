package anguan.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's deployment zip unpacked the way Lambda does it: classes and resources at the root,
 * libraries in {@code lib/}. Lambda's class path is the root followed by every jar in lib/.
 */
record CodePackage(Path directory) {

    static CodePackage extract(Path zip, Path target) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " does not exist: build the functions first (mvn -DskipTests install)");
        }
        try {
            Files.createDirectories(target);
            Path root = target.toRealPath();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    Path file = root.resolve(entry.getName()).normalize();
                    if (!file.startsWith(root)) {
                        throw new IllegalStateException(zip + " has an entry outside its root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                    } else {
                        Files.createDirectories(file.getParent());
                        copy(in, file);
                    }
                }
            }
            return new CodePackage(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    /** The root, then lib/*.jar in name order (Lambda's order is the file system's; name order is stable). */
    List<URL> classPath() {
        List<URL> urls = new ArrayList<>();
        urls.add(url(directory));
        Path lib = directory.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(p -> urls.add(url(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return urls;
    }

    private static void copy(InputStream in, Path file) throws IOException {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
