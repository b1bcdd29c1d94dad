package anguan.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.ApplicationRepository;
import anguan.domain.application.ApplicationService;
import anguan.domain.certificate.CertificateRepository;
import anguan.domain.common.DocumentStore;
import anguan.domain.common.Sequence;
import anguan.domain.enterprise.EnterpriseRepository;
import anguan.domain.person.PersonRepository;
import anguan.domain.testing.PortMethods.Kind;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule that tells the seam which port calls are writes, checked against every port there is. */
class PortMethodsTest {

    /** A port with one method of each kind, as someone might add tomorrow. */
    interface Ledger {
        Optional<String> findEntry(String key);

        void saveEntry(String key);

        void frobnicate(String key);
    }

    @Test
    void everyMethodOfEveryPortIsClassifiedAsAReadOrAWrite() throws Exception {
        List<String> unclassified = domainPorts().stream()
                .flatMap(port -> callable(port).filter(m -> PortMethods.classify(m) == Kind.UNKNOWN)
                        .map(m -> port.getSimpleName() + "." + m.getName()))
                .toList();

        assertEquals(List.of(), unclassified,
                "put each method's verb on PortMethods' READS or WRITES, so the fault seam knows whether it changes state");
    }

    @Test
    void thePortsAreTheInterfacesTheUseCaseServicesAreBuiltFrom() throws Exception {
        assertTrue(domainPorts().containsAll(Set.of(ApplicationRepository.class, PersonRepository.class,
                EnterpriseRepository.class, CertificateRepository.class, Sequence.class, DocumentStore.class)),
                domainPorts().toString());
    }

    @Test
    void lookupsAreReadsAndChangesAreWrites() throws Exception {
        assertEquals(Kind.READ, PortMethods.classify(DocumentStore.class.getMethod("link", String.class, String.class, java.time.Duration.class)));
        assertEquals(Kind.READ, PortMethods.classify(DocumentStore.class.getMethod("get", String.class)));
        assertEquals(Kind.READ, PortMethods.classify(CertificateRepository.class.getMethod("atEnterprise", String.class)));
        assertEquals(Kind.READ, PortMethods.classify(PersonRepository.class.getMethod("employments", String.class)));
        assertEquals(Kind.WRITE, PortMethods.classify(Sequence.class.getMethod("next", String.class)));
        assertEquals(Kind.WRITE, PortMethods.classify(PersonRepository.class.getMethod("deleteEmployment", String.class, String.class)));
        assertEquals(Kind.WRITE, PortMethods.classify(ApplicationRepository.class.getMethod("append",
                anguan.domain.application.ApplicationEvent.class)));
    }

    @Test
    void aVerbOnNeitherListIsUnknown() throws Exception {
        assertEquals(Kind.READ, PortMethods.classify(Ledger.class.getMethod("findEntry", String.class)));
        assertEquals(Kind.WRITE, PortMethods.classify(Ledger.class.getMethod("saveEntry", String.class)));
        assertEquals(Kind.UNKNOWN, PortMethods.classify(Ledger.class.getMethod("frobnicate", String.class)));
    }

    /**
     * Every interface a public {@code *Service} of the domain takes in its constructor: DESIGN.md's
     * "use-case services behind ports". Read from the compiled domain, so a new port is found.
     */
    static Set<Class<?>> domainPorts() throws IOException, URISyntaxException {
        Path classes = Path.of(ApplicationService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> ports = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        try (FileSystem jar = Files.isDirectory(classes) ? null : FileSystems.newFileSystem(classes);
             Stream<Path> files = Files.walk(jar == null ? classes : jar.getPath("/"))) {
            Path root = jar == null ? classes : jar.getPath("/");
            for (Path file : files.filter(f -> f.toString().endsWith("Service.class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> service = Class.forName(name, false, ApplicationService.class.getClassLoader());
                if (!Modifier.isPublic(service.getModifiers()) || !name.startsWith("anguan.domain.")) {
                    continue;
                }
                Arrays.stream(service.getConstructors()).flatMap(c -> Arrays.stream(c.getParameterTypes()))
                        .filter(Class::isInterface).filter(c -> c.getName().startsWith("anguan.")).forEach(ports::add);
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return ports;
    }

    private static Stream<Method> callable(Class<?> port) {
        return Arrays.stream(port.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()));
    }
}
