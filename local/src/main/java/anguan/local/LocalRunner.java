package anguan.local;

import anguan.aws.dynamo.DynamoEnterpriseRepository;
import anguan.aws.dynamo.Table;
import anguan.domain.enterprise.Enterprise;
import anguan.local.cloud.LocalCloud;
import anguan.local.cloud.PhysicalNames;
import anguan.local.cloud.ResourceCreator;
import anguan.local.demo.DemoData;
import anguan.local.gateway.DevRoutes;
import anguan.local.gateway.HardwareTokens;
import anguan.local.gateway.HttpGateway;
import anguan.local.gateway.LocalTokens;
import anguan.local.lambda.FunctionHost;
import anguan.local.queues.QueuePollers;
import anguan.local.schedules.Schedules;
import anguan.local.template.FunctionDefinition;
import anguan.local.template.Intrinsics;
import anguan.local.template.JwtAuthorizerDefinition;
import anguan.local.template.Resource;
import anguan.local.template.Template;
import anguan.pdf.ca.SigningMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The whole local system in one JVM: the emulated cloud, the template's resources, every function
 * in its own class loader, and the HTTP gateway in front. {@link Main} runs it for developers;
 * tests start it in-process:
 *
 * <pre>{@code
 * try (LocalRunner runner = LocalRunner.start(LocalRunner.Options.forTests())) {
 *     String token = runner.token(Map.of("role", "person", "idNo", "11010519491231002X"));
 *     HttpRequest.newBuilder(runner.baseUrl().resolve("/me")).header("Authorization", "Bearer " + token) ...
 * }
 * }</pre>
 */
public final class LocalRunner implements AutoCloseable {
    private static final String DEMO_MARKER = "demo-loaded";
    private static LocalRunner shared;

    /**
     * How to run.
     *
     * @param root      the project root; null to find it ({@link ProjectRoot#locate()})
     * @param template  the SAM template; null for {@code <root>/template.yaml}. CodeUri paths are
     *                  relative to its folder, as for SAM
     * @param port      the gateway's port on 127.0.0.1; 0 for any free one
     * @param dataDir   where state persists between runs; null keeps everything in memory
     * @param reset     empty the data directory first
     * @param demo      load the demo data once the functions are up
     * @param accessLog print one line per request
     */
    public record Options(Path root, Path template, int port, Path dataDir, boolean reset, boolean demo, boolean accessLog) {

        /** In memory, any free port, no demo data, quiet: what an end-to-end test wants. */
        public static Options forTests() {
            return new Options(null, null, 0, null, false, false, false);
        }

        public Options withRoot(Path root) {
            return new Options(root, template, port, dataDir, reset, demo, accessLog);
        }

        public Options withTemplate(Path template) {
            return new Options(root, template, port, dataDir, reset, demo, accessLog);
        }

        public Options withPort(int port) {
            return new Options(root, template, port, dataDir, reset, demo, accessLog);
        }

        public Options withDataDir(Path dataDir) {
            return new Options(root, template, port, dataDir, reset, demo, accessLog);
        }

        public Options withReset(boolean reset) {
            return new Options(root, template, port, dataDir, reset, demo, accessLog);
        }

        public Options withDemo(boolean demo) {
            return new Options(root, template, port, dataDir, reset, demo, accessLog);
        }

        public Options withAccessLog(boolean accessLog) {
            return new Options(root, template, port, dataDir, reset, demo, accessLog);
        }
    }

    /** What happened to the demo data at this start. */
    public enum DemoState { NOT_REQUESTED, LOADED, ALREADY_LOADED, FAILED }

    private Path root;
    private Template template;
    private DataDir dataDir;
    private SigningMaterialFiles signing;
    private CompletableFuture<SigningMaterialFiles> signingStarting;
    private volatile HardwareTokens hardwareTokens;
    private LocalTokens tokens;
    private HttpGateway gateway;
    private LocalCloud cloud;
    private PhysicalNames names;
    private FunctionHost functions;
    private QueuePollers pollers;
    private Schedules schedules;
    private Duration startup;
    private DemoData demo;
    private DemoState demoState = DemoState.NOT_REQUESTED;
    private Duration demoDuration = Duration.ZERO;
    private List<String> demoFailures = List.of();
    private volatile Map<String, Object> health;
    /** When each start-up phase was done, in ms from the start call (the health report shows them). */
    private final Map<String, Long> phases = new LinkedHashMap<>();

    private LocalRunner() {
    }

    /**
     * One runner for the whole test JVM (in memory, any free port), started on first use and stopped
     * when the JVM exits; test classes that share it must not close it. Each test keeps to its own
     * data (fresh ID numbers, USCCs) since the tables are shared.
     */
    public static synchronized LocalRunner shared() {
        if (shared == null) {
            LocalRunner runner = start(Options.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "shared-runner-shutdown"));
            shared = runner;
        }
        return shared;
    }

    /** Starts everything and returns once every function is ready (and the demo data, if asked for, loaded). */
    public static LocalRunner start(Options options) {
        LocalRunner runner = new LocalRunner();
        try {
            runner.startUp(options);
            return runner;
        } catch (RuntimeException | Error e) {
            runner.close();
            throw e;
        }
    }

    private void startUp(Options options) {
        long begin = System.nanoTime();
        root = options.root() != null ? options.root().toAbsolutePath().normalize() : ProjectRoot.locate();
        Path templateFile = options.template() != null ? options.template().toAbsolutePath().normalize() : root.resolve("template.yaml");
        template = Template.load(templateFile);
        if (options.dataDir() != null) {
            dataDir = DataDir.open(options.dataDir(), options.reset());
        }
        Path data = dataDir == null ? null : dataDir.path();
        // A new CA costs about a second in a fresh JVM (BouncyCastle's classes): made while the emulators start.
        signingStarting = CompletableFuture.supplyAsync(() -> SigningMaterialFiles.open(data));

        // Unpacking needs nothing else, so it runs while the emulators start.
        functions = FunctionHost.unpack(templateFile.getParent(), template.functions(), functionsWorkDir(data));

        // Only parameters are needed to resolve the authorizer, so the gateway can listen early.
        Intrinsics parameters = new Intrinsics(new PhysicalNames(template));
        Map<String, HttpGateway.JwtRule> authorizers = new LinkedHashMap<>();
        for (JwtAuthorizerDefinition definition : template.jwtAuthorizers().values()) {
            authorizers.put(definition.name(), new HttpGateway.JwtRule(parameters.resolveString(definition.issuer()),
                    audiences(parameters.resolve(definition.audience()))));
        }
        HttpGateway.JwtRule tokenRule = authorizers.values().stream().findFirst()
                .orElse(new HttpGateway.JwtRule(PhysicalNames.LOCAL_PARAMETERS.get("JwtIssuer"),
                        Set.of(PhysicalNames.LOCAL_PARAMETERS.get("JwtAudience"))));
        tokens = LocalTokens.open(data, tokenRule.issuer(), tokenRule.audiences().iterator().next());
        gateway = HttpGateway.start(options.port(), template.httpRoutes(), authorizers, tokens, options.accessLog());
        DevRoutes.register(gateway, tokens, this::currentHealth,
                () -> Optional.ofNullable(health).map(ready -> cloud.sms()),
                () -> Optional.ofNullable(health).map(ready -> schedules),
                () -> Optional.ofNullable(hardwareTokens));

        phases.put("gateway", millisSince(begin));
        cloud = LocalCloud.start(root.resolve("local"), data);
        phases.put("emulators", millisSince(begin));
        signing = joined(signingStarting);
        phases.put("signing", millisSince(begin));
        names = new ResourceCreator(cloud).create(template);
        phases.put("resources", millisSince(begin));
        hardwareTokens = new HardwareTokens(signing.material().ca(), enterpriseNames(), java.time.Clock.systemUTC());
        Intrinsics intrinsics = new Intrinsics(names);
        functions.start(definition -> environment(definition, intrinsics));
        gateway.open((function, event) -> functions.function(function).invoke(event));
        phases.put("functions", millisSince(begin));
        pollers = QueuePollers.start(template, names, cloud, (function, event) -> functions.function(function).invoke(event));
        phases.put("pollers", millisSince(begin));
        Map<String, FunctionDefinition> definitions = new LinkedHashMap<>();
        template.functions().forEach(definition -> definitions.put(definition.logicalId(), definition));
        schedules = new Schedules(template.scheduleEventSources(), definitions, LocalCloud.REGION, LocalCloud.ACCOUNT_ID,
                (function, event) -> functions.function(function).invoke(event), java.time.Clock.systemUTC());
        startup = Duration.ofNanos(System.nanoTime() - begin);
        health = healthReport();

        if (options.demo()) {
            long demoStart = System.nanoTime();
            loadDemo(data);
            demoDuration = Duration.ofNanos(System.nanoTime() - demoStart);
        }
    }

    private static final String SEAL_MATERIAL_SECRET_ARN = "SEAL_MATERIAL_SECRET_ARN";
    private static final String SEAL_MATERIAL_FILE = "SEAL_MATERIAL_FILE";
    private static final String SEAL_MATERIAL = "seal.properties";
    private static final String VERIFICATION_BASE_URL = "CERTIFICATE_VERIFICATION_BASE_URL";

    /** The deployment's variables for one function: the template's, resolved here, and the emulators'. */
    private Map<String, String> environment(FunctionDefinition definition, Intrinsics intrinsics) {
        Map<String, String> environment = new LinkedHashMap<>();
        definition.environment().forEach((name, value) -> environment.put(name, intrinsics.resolveString(value)));
        environment.putAll(cloud.sdkEnvironment());
        environment.put("ANGUAN_LOCAL", "true");
        // The material is local files here: no function reaches for the template's secret and parameter.
        environment.remove("SIGNING_MATERIAL_SECRET_ARN");
        environment.remove("KEY_ENCRYPTION_KEY_SECRET_ARN");
        environment.putAll(signing.environment());
        // The authority's SM2 seal: a file beside the signing material. The runner's class path holds
        // BouncyCastle jdk18on, where it cannot be made; the issuing function makes it on its first start.
        if (environment.remove(SEAL_MATERIAL_SECRET_ARN) != null) {
            environment.put(SEAL_MATERIAL_FILE, Path.of(signing.environment().get("SIGNING_MATERIAL_FILE"))
                    .resolveSibling(SEAL_MATERIAL).toString());
        }
        // The QR code of a certificate issued here leads to this runner's own public page.
        if (environment.containsKey(VERIFICATION_BASE_URL)) {
            environment.put(VERIFICATION_BASE_URL, baseUrl().resolve("/public/certificates/").toString());
        }
        return environment;
    }

    /** The registered name by USCC, read from the template's table as the functions read it; none without a table. */
    private Function<String, Optional<String>> enterpriseNames() {
        List<Resource> tables = template.resourcesOfType(Template.TABLE);
        if (tables.isEmpty()) {
            return uscc -> Optional.empty();
        }
        DynamoEnterpriseRepository enterprises = new DynamoEnterpriseRepository(
                new Table(cloud.dynamoDb(), PhysicalNames.tableName(tables.getFirst())));
        return uscc -> enterprises.find(uscc).map(Enterprise::name);
    }

    private void loadDemo(Path data) {
        Path marker = data == null ? null : data.resolve(DEMO_MARKER);
        // Once per data directory: reloading would undo what the developer did to the demo people since.
        if (marker != null && Files.exists(marker)) {
            demo = DemoData.asOf(loadedOn(marker));
            demoState = DemoState.ALREADY_LOADED;
            return;
        }
        demo = DemoData.today();
        demoFailures = demo.load(baseUrl(), systemToken());
        demoState = demoFailures.isEmpty() ? DemoState.LOADED : DemoState.FAILED;
        if (marker != null && demoFailures.isEmpty()) {
            try {
                Files.writeString(marker, LocalDate.now(DemoData.SHANGHAI).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The day the demo data was loaded (its dates and certificate numbers follow from it). */
    private static LocalDate loadedOn(Path marker) {
        try {
            return LocalDate.parse(Files.readString(marker).trim());
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return LocalDate.now(DemoData.SHANGHAI);
        }
    }

    /** The health report while everything runs; empty while starting, or once a queue poller has died or SNS is gone. */
    private Optional<Map<String, Object>> currentHealth() {
        Map<String, Object> report = health;
        QueuePollers polling = pollers;
        LocalCloud emulators = cloud;
        return report != null && polling != null && polling.running() && emulators != null && emulators.snsEndpoint().isPresent()
                ? Optional.of(report) : Optional.empty();
    }

    private Map<String, Object> healthReport() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", "UP");
        Map<String, Long> init = new LinkedHashMap<>();
        functions.initDurations().forEach((name, duration) -> init.put(name, duration.toMillis()));
        report.put("functions", init);
        report.put("pollers", pollers.queuesByFunction());
        report.put("startupMs", startup.toMillis());
        report.put("startupPhasesDoneAtMs", new LinkedHashMap<>(phases));
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("dynamodb", cloud.dynamoDbEndpoint().toString());
        endpoints.put("s3", cloud.s3Endpoint().toString());
        endpoints.put("sqs", cloud.sqsEndpoint().toString());
        cloud.snsEndpoint().ifPresent(sns -> endpoints.put("sns", sns.toString()));
        report.put("endpoints", endpoints);
        return Collections.unmodifiableMap(report);
    }

    /** Where the gateway listens, e.g. {@code http://127.0.0.1:3000}. */
    public URI baseUrl() {
        return gateway.baseUrl();
    }

    /**
     * A token the gateway accepts, with these claims ({@code role}, {@code idNo}, {@code uscc},
     * {@code sub}, {@code name}) plus issuer, audience and a 12-hour expiry.
     */
    public String token(Map<String, ?> claims) {
        return tokens.issue(claims);
    }

    /** A token with role system, for the registry feeds. */
    public String systemToken() {
        return token(Map.of("role", "system", "sub", "system"));
    }

    public Path root() {
        return root;
    }

    public Template template() {
        return template;
    }

    /**
     * The signing material the functions were handed (as {@code SIGNING_MATERIAL_FILE} and
     * {@code KEY_ENCRYPTION_KEY_FILE}): the same on every start over one data directory. Tests verify
     * signatures against its CA ({@code signingMaterial().ca()}).
     */
    public SigningMaterial signingMaterial() {
        return signing.material();
    }

    /** Where the material's files are (the variables the functions get). */
    SigningMaterialFiles signingFiles() {
        return signing;
    }

    /** The emulators (with SDK clients pointed at them, for tests that look behind the API). */
    public LocalCloud cloud() {
        return cloud;
    }

    /** The local names of the template's resources (table, bucket, queue URLs). */
    public PhysicalNames names() {
        return names;
    }

    public FunctionHost functions() {
        return functions;
    }

    /** From the start call until every function was ready. */
    public Duration startupDuration() {
        return startup;
    }

    /** Each function's init time (class loading, environment, handler constructor). */
    public Map<String, Duration> initDurations() {
        return functions.initDurations();
    }

    public List<String> routeKeys() {
        return gateway.routeKeys();
    }

    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir).map(DataDir::path);
    }

    public Optional<DemoData> demo() {
        return Optional.ofNullable(demo);
    }

    public DemoState demoState() {
        return demoState;
    }

    /** How long loading the demo data took (zero when it was not loaded at this start). */
    public Duration demoDuration() {
        return demoDuration;
    }

    public List<String> demoFailures() {
        return demoFailures;
    }

    /** Stops the gateway (no new requests), then the functions and the emulators, and releases the data directory. */
    @Override
    public synchronized void close() {
        health = null;
        if (signing == null && signingStarting != null) {
            // start-up failed before it took the material: a temporary folder must still go
            signingStarting.thenAccept(SigningMaterialFiles::close);
        }
        for (AutoCloseable part : new AutoCloseable[] {gateway, pollers, functions, cloud, signing, dataDir}) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("[local] stopping " + part.getClass().getSimpleName() + " failed: " + e);
            }
        }
        gateway = null;
        pollers = null;
        functions = null;
        cloud = null;
        signing = null;
        signingStarting = null;
        hardwareTokens = null;
        dataDir = null;
    }

    private static SigningMaterialFiles joined(CompletableFuture<SigningMaterialFiles> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static long millisSince(long begin) {
        return (System.nanoTime() - begin) / 1_000_000;
    }

    private static Path functionsWorkDir(Path data) {
        try {
            return data != null ? data.resolve("functions") : Files.createTempDirectory("anguan-functions-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> audiences(Object resolved) {
        Set<String> audiences = new LinkedHashSet<>();
        if (resolved instanceof List<?> list) {
            list.forEach(a -> audiences.add(String.valueOf(a).trim()));
        } else if (resolved != null) {
            for (String audience : resolved.toString().split(",")) {
                audiences.add(audience.trim());
            }
        }
        return audiences;
    }
}
