package anguan.local.e2e;

import anguan.local.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * ofdrw's own readings of an issued e-certificate, for the end-to-end tests: whether its seal
 * verifies ({@code anguan.ofd.SealVerification}) and what its page says ({@code anguan.ofd.OfdContents}).
 *
 * <p>This module's test class path holds anguan-pdf and BouncyCastle jdk18on, on which ofdrw's
 * verifier fails (DESIGN.md, Known constraints), so anguan-ofd is never loaded here directly. The
 * checks run in a class loader of their own over the issuing function's built zip (its classes
 * and {@code lib/*.jar}, unpacked once per test JVM), whose parent is the platform class loader:
 * exactly the classes the function itself runs with, and none of this module's.
 */
final class OfdChecks {
    private static final Path ZIP = Path.of("functions", "issue-certificate", "target", "issue-certificate.zip");

    private static ClassLoader loader;

    private OfdChecks() {
    }

    /** True when the OFD carries seals and every one verifies; false for a changed, unsealed or unreadable file. */
    static boolean sealValid(byte[] ofd) {
        return (Boolean) call("anguan.ofd.SealVerification", "isValid", ofd);
    }

    /** Every text object's content, in page order. */
    @SuppressWarnings("unchecked")
    static List<String> texts(byte[] ofd) {
        return List.copyOf((List<String>) call("anguan.ofd.OfdContents", "texts", ofd));
    }

    /** Whether an image fills the photo's box of the face. */
    static boolean hasPhoto(byte[] ofd) {
        return (Boolean) call("anguan.ofd.OfdContents", "hasPhoto", ofd);
    }

    /**
     * The static method {@code name(byte[])} of {@code type} in the isolated loader, with that loader as
     * the thread's context class loader (XML parsers and services are found through it).
     */
    private static Object call(String type, String name, byte[] ofd) {
        ClassLoader isolated = loader();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(isolated);
        try {
            Method method = Class.forName(type, true, isolated).getMethod(name, byte[].class);
            return method.invoke(null, (Object) ofd);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException thrown) {
                throw thrown;
            }
            throw new IllegalStateException(type + "." + name + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + "." + name + "(byte[]) is not in " + ZIP + ": rebuild it", e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static synchronized ClassLoader loader() {
        if (loader == null) {
            Path zip = ProjectRoot.locate().resolve(ZIP);
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException(zip + " does not exist: build the functions first (mvn -DskipTests install)");
            }
            Path folder = unpacked(zip);
            loader = new URLClassLoader("ofd-checks", classPath(folder), ClassLoader.getPlatformClassLoader());
        }
        return loader;
    }

    /** The zip in a temporary folder, removed when the test JVM ends. */
    private static Path unpacked(Path zip) {
        try {
            Path folder = Files.createTempDirectory("anguan-ofd-checks-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "ofd-checks-cleanup"));
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    Path target = folder.resolve(entry.getName()).normalize();
                    if (!target.startsWith(folder)) {
                        throw new IllegalStateException(zip + " has an entry outside its root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target);
                    }
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    /** Lambda's Java layout: the root first (the function's classes), then every jar of lib/. */
    private static URL[] classPath(Path folder) {
        try (Stream<Path> jars = Files.list(folder.resolve("lib"))) {
            List<URL> urls = new ArrayList<>();
            urls.add(folder.toUri().toURL());
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder.resolve("lib"), e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind costs disk space only
        }
    }
}
