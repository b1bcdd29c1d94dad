package anguan.local.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The project's modules as the build left them: the main classes of every {@code shared/*} and
 * {@code functions/*} module and of {@code local/}, read from their {@code target/classes}. Found
 * by folder, so a new shared or function module is covered without anyone listing it here.
 */
final class ProjectModules {

    /** Which way dependencies may point: functions → shared; local (the runner) → shared. */
    enum Kind { SHARED, FUNCTION, LOCAL }

    /**
     * One Maven module's main classes.
     *
     * @param folder     relative to the project root, e.g. {@code functions/registry}
     * @param classNames the fully qualified names of its classes
     * @param packages   the packages they live in
     */
    record Module(String folder, Kind kind, Set<String> classNames, Set<String> packages) {

        boolean contains(JavaClass c) {
            return classNames.contains(c.getBaseComponentType().getName());
        }
    }

    private final List<Module> modules;
    private final JavaClasses classes;

    private ProjectModules(List<Module> modules, JavaClasses classes) {
        this.modules = List.copyOf(modules);
        this.classes = classes;
    }

    /**
     * Imports every module with sources under src/main/java. A module whose classes are missing
     * fails here: the rules must see the real classes, never pass on an empty build.
     */
    static ProjectModules importFrom(Path root) {
        Map<Path, String> folders = new LinkedHashMap<>();
        Map<Path, Kind> kinds = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            for (Path folder : folders(root, kind)) {
                if (Files.isDirectory(folder.resolve("src/main/java"))) {
                    Path classes = folder.resolve("target/classes").toAbsolutePath().normalize();
                    folders.put(classes, root.relativize(folder).toString().replace('\\', '/'));
                    kinds.put(classes, kind);
                }
            }
        }
        List<Path> existing = folders.keySet().stream().filter(Files::isDirectory).toList();
        JavaClasses imported = new ClassFileImporter().importPaths(existing);
        Map<Path, List<JavaClass>> byFolder = new LinkedHashMap<>();
        for (JavaClass c : imported) {
            Path origin = c.getSource().map(source -> Path.of(source.getUri())).orElseThrow();
            folders.keySet().stream().filter(origin::startsWith).findFirst()
                    .ifPresent(classes -> byFolder.computeIfAbsent(classes, k -> new ArrayList<>()).add(c));
        }
        List<Module> modules = new ArrayList<>();
        folders.forEach((classes, name) -> {
            List<JavaClass> own = byFolder.getOrDefault(classes, List.of());
            if (own.isEmpty()) {
                throw new IllegalStateException(name + " has sources but no compiled classes in " + classes
                        + ": build it first (./mvnw verify, or -pl local -am)");
            }
            modules.add(new Module(name, kinds.get(classes),
                    own.stream().map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new)),
                    own.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new))));
        });
        return new ProjectModules(modules, imported);
    }

    /** All main classes of all modules, imported together so that dependencies between modules are seen. */
    JavaClasses classes() {
        return classes;
    }

    List<Module> all() {
        return modules;
    }

    List<Module> ofKind(Kind kind) {
        return modules.stream().filter(m -> m.kind() == kind).toList();
    }

    Module module(String folder) {
        return modules.stream().filter(m -> m.folder().equals(folder)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no module " + folder + " among " + modules.stream().map(Module::folder).toList()));
    }

    /** The classes of these modules, described by their folders. */
    static DescribedPredicate<JavaClass> in(Collection<Module> modules) {
        String folders = modules.stream().map(Module::folder).collect(Collectors.joining(", "));
        return DescribedPredicate.describe("classes of " + (folders.isEmpty() ? "no module" : folders),
                c -> modules.stream().anyMatch(m -> m.contains(c)));
    }

    static DescribedPredicate<JavaClass> in(Module module) {
        return in(List.of(module));
    }

    /** Packages of these modules, as ArchUnit patterns ({@code anguan.domain..}), for the rules' descriptions. */
    static String packagesOf(Collection<Module> modules) {
        return modules.stream().flatMap(m -> m.packages().stream())
                .map(p -> p.split("\\.").length > 1 ? p.split("\\.")[0] + "." + p.split("\\.")[1] + ".." : p)
                .distinct().sorted().collect(Collectors.joining(", "));
    }

    private static List<Path> folders(Path root, Kind kind) {
        return switch (kind) {
            case SHARED -> subfolders(root.resolve("shared"));
            case FUNCTION -> subfolders(root.resolve("functions"));
            case LOCAL -> List.of(root.resolve("local"));
        };
    }

    private static List<Path> subfolders(Path parent) {
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory).filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
    }
}
