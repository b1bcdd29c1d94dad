package anguan.local.lambda;

import anguan.local.template.FunctionDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Lambda on one machine: every function of the template from its own deployment zip (the CodeUri
 * Maven built), in its own class loader, with its own environment. Unpacking starts at once (it
 * needs nothing of the cloud); handlers are built in {@link #start} once the cloud is there.
 */
public final class FunctionHost implements AutoCloseable {
    private final Path workDir;
    private final Map<String, FunctionDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<CodePackage>> packages = new LinkedHashMap<>();
    private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    private final ExecutorService workers;

    private FunctionHost(Path workDir, ExecutorService workers) {
        this.workDir = workDir;
        this.workers = workers;
    }

    /**
     * Starts unpacking every function's zip into {@code workDir} (emptied first).
     *
     * @param templateDir the template's folder, against which CodeUri paths are resolved (as SAM does)
     */
    public static FunctionHost unpack(Path templateDir, List<FunctionDefinition> definitions, Path workDir) {
        deleteRecursively(workDir);
        int threads = Math.max(1, Math.min(definitions.size(), Runtime.getRuntime().availableProcessors()));
        FunctionHost host = new FunctionHost(workDir, Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "function-init");
            thread.setDaemon(true);
            return thread;
        }));
        for (FunctionDefinition definition : definitions) {
            if (!definition.runtime().startsWith("java")) {
                throw new IllegalStateException(definition.logicalId() + ": runtime " + definition.runtime() + " is not Java");
            }
            host.definitions.put(definition.logicalId(), definition);
            Path zip = templateDir.resolve(definition.codeUri());
            host.packages.put(definition.logicalId(), CompletableFuture.supplyAsync(
                    () -> CodePackage.extract(zip, workDir.resolve(definition.logicalId())), host.workers));
        }
        return host;
    }

    /**
     * Builds every handler (Lambda's init phase), each with its deployment environment plus the
     * variables Lambda itself sets.
     */
    public FunctionHost start(Function<FunctionDefinition, Map<String, String>> deploymentEnvironment) {
        ClassLoader runner = FunctionHost.class.getClassLoader();
        Map<String, CompletableFuture<LambdaFunction>> starting = new LinkedHashMap<>();
        definitions.forEach((name, definition) -> starting.put(name, packages.get(name).thenApplyAsync(code -> {
            Map<String, String> environment = new LinkedHashMap<>(deploymentEnvironment.apply(definition));
            environment.putAll(lambdaVariables(definition, code));
            return LambdaFunction.create(definition, code.classPath(), environment, runner);
        }, workers)));
        try {
            CompletableFuture.allOf(starting.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            starting.values().forEach(f -> f.thenAccept(LambdaFunction::close));
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        starting.forEach((name, future) -> functions.put(name, future.join()));
        return this;
    }

    public LambdaFunction function(String logicalId) {
        LambdaFunction function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + logicalId);
        }
        return function;
    }

    public Collection<LambdaFunction> functions() {
        return functions.values();
    }

    /** Each function's init time, by logical id, in template order. */
    public Map<String, Duration> initDurations() {
        Map<String, Duration> durations = new LinkedHashMap<>();
        functions.forEach((name, function) -> durations.put(name, function.initDuration()));
        return durations;
    }

    @Override
    public void close() {
        functions.values().forEach(LambdaFunction::close);
        functions.clear();
        workers.shutdownNow();
        deleteRecursively(workDir);
    }

    /** What Lambda puts in every function's environment itself. */
    private static Map<String, String> lambdaVariables(FunctionDefinition definition, CodePackage code) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_LAMBDA_FUNCTION_NAME", definition.logicalId());
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(definition.memorySizeMb()));
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + definition.runtime());
        variables.put("_HANDLER", definition.handler());
        variables.put("LAMBDA_TASK_ROOT", code.directory().toString());
        return variables;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
