package anguan.local;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;

/**
 * {@code local/run [--port 3000] [--data DIR] [--reset] [--no-demo]}: the local cloud and runner.
 * Serves the HTTP API of template.yaml on 127.0.0.1 until stopped with Ctrl-C; state persists in
 * the data directory (default {@code <project>/.anguan-local/}).
 */
public final class Main {
    private static final String USAGE = """
            usage: local/run [--port N] [--data DIR] [--reset] [--no-demo]
              --port N     port on 127.0.0.1 (default 3000)
              --data DIR   where tables, documents and the token secret persist (default <project>/.anguan-local)
              --reset      empty the data directory first
              --no-demo    do not load the demo enterprises and persons
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        LocalRunner.Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        LocalRunner runner;
        try {
            runner = LocalRunner.start(options);
        } catch (RuntimeException e) {
            System.err.println("anguan local runner did not start: " + e.getMessage());
            if (e.getCause() != null) {
                System.err.println("  caused by: " + e.getCause());
            }
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            stopped.countDown();
        }, "runner-shutdown"));
        System.out.println(banner(runner));
        stopped.await();
    }

    static LocalRunner.Options parse(String[] args) {
        int port = 3000;
        Path data = null;
        boolean reset = false;
        boolean demo = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--reset" -> reset = true;
                case "--no-demo" -> demo = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535");
        }
        Path root = ProjectRoot.locate();
        return new LocalRunner.Options(root, null, port, data != null ? data : root.resolve(".anguan-local"), reset, demo, true);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static String banner(LocalRunner runner) {
        StringBuilder out = new StringBuilder();
        String base = runner.baseUrl().toString();
        Duration sinceJvmStart = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()).minus(runner.demoDuration());
        out.append("\nanguan local runner ready at ").append(base)
                .append(String.format(" (started in %.1f s, %.1f s after the JVM started", seconds(runner.startupDuration()),
                        seconds(sinceJvmStart)));
        if (runner.demoState() == LocalRunner.DemoState.LOADED || runner.demoState() == LocalRunner.DemoState.FAILED) {
            out.append(String.format("; demo data loaded in %.1f s", seconds(runner.demoDuration())));
        }
        out.append(")\n");
        out.append("  data:      ").append(runner.dataDir().map(Path::toString).orElse("in memory")).append('\n');
        StringJoiner init = new StringJoiner(", ");
        runner.initDurations().forEach((name, duration) -> init.add(name + " " + duration.toMillis() + " ms"));
        out.append("  functions: ").append(init).append(" (init)\n");
        out.append("  emulators: DynamoDB ").append(runner.cloud().dynamoDbEndpoint())
                .append(", S3 ").append(runner.cloud().s3Endpoint())
                .append(", SQS ").append(runner.cloud().sqsEndpoint()).append('\n');
        out.append("  routes:    ").append(runner.routeKeys().size()).append(" from template.yaml, plus POST /dev/tokens, GET /dev/health, GET /dev/sms?mobile=…, POST /dev/schedules/{function}, POST /dev/hardware-tokens\n");
        switch (runner.demoState()) {
            case LOADED -> out.append("\nDemo data loaded.\n");
            case ALREADY_LOADED -> out.append("\nDemo data was loaded into this data directory before (start with --reset for a fresh copy).\n");
            case FAILED -> {
                out.append("\nDemo data could not be loaded completely (it is tried again at the next start):\n");
                List<String> failures = runner.demoFailures();
                failures.stream().limit(10).forEach(f -> out.append("  ").append(f).append('\n'));
                if (failures.size() > 10) {
                    out.append("  … and ").append(failures.size() - 10).append(" more\n");
                }
            }
            case NOT_REQUESTED -> { }
        }
        runner.demo().ifPresent(demo -> out.append(demo.describe(runner.baseUrl())));
        if (runner.demo().isEmpty()) {
            out.append("\nTry:\n  curl -s -X POST ").append(base).append("/dev/tokens -d '{\"role\":\"system\"}'\n");
        }
        out.append("\nStop with Ctrl-C.\n");
        return out.toString();
    }
}
