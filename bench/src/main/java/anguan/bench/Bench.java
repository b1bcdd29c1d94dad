package anguan.bench;

import anguan.aws.config.Env;
import anguan.domain.person.IdNumber;
import anguan.local.ProjectRoot;
import anguan.local.cloud.LocalCloud;
import anguan.local.cloud.PhysicalNames;
import anguan.local.cloud.ResourceCreator;
import anguan.local.template.FunctionDefinition;
import anguan.local.template.Template;
import anguan.registry.RegistryHandler;
import anguan.submit.SubmitHandler;
import anguan.aws.http.HttpFunction;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.ZipFile;

/**
 * The numbers DESIGN.md sets targets for, in one run:
 * <ol>
 *   <li>warm in-process latency (p50/p99) of each registry and submit route against the emulators;</li>
 *   <li>start-up of each function zip from a fresh JVM to its first answered event;</li>
 *   <li>each function zip's size.</li>
 * </ol>
 * Usage: bench/run [iterations per route].
 */
public final class Bench {
    private static final String ID_NO = "11010519491231002X";
    private static final String USCC = "91310000MA1FL4CT2Q";
    private static final Map<String, String> SYSTEM = Map.of("role", "system");
    private static final Pattern NUMBER = Pattern.compile("\"applicationNo\":\"(W\\d+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    private record Result(String route, double p50, double p99, double max, String target) {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path root = ProjectRoot.locate();
        Template template = Template.load(root.resolve("template.yaml"));
        try (LocalCloud cloud = LocalCloud.startTransient()) {
            PhysicalNames names = new ResourceCreator(cloud).create(template);
            Map<String, String> env = new HashMap<>(cloud.sdkEnvironment());
            env.put("TABLE_NAME", String.valueOf(names.ref("AnguanTable")));
            env.put("BUCKET_NAME", String.valueOf(names.ref("DocumentBucket")));
            env.put("ANGUAN_LOCAL", "true");
            env.put("NOTIFICATION_QUEUE_URL", String.valueOf(names.attribute("NotificationQueue", "QueueUrl")));
            env.put("CERTIFICATE_QUEUE_URL", String.valueOf(names.attribute("CertificateQueue", "QueueUrl")));
            // the signing functions' key material, as the local runner hands it to them
            anguan.pdf.ca.SigningMaterial.Created keyMaterial = anguan.pdf.ca.SigningMaterial.create(java.time.Instant.now());
            Path keys = Files.createTempDirectory("bench-signing");
            Path materialFile = keys.resolve("material.properties");
            Path kekFile = keys.resolve("kek");
            anguan.pdf.ca.SigningMaterial.write(materialFile, keyMaterial.stored().material());
            anguan.pdf.ca.SigningMaterial.write(kekFile, keyMaterial.stored().keyEncryptionKey());
            env.put("SIGNING_MATERIAL_FILE", materialFile.toString());
            env.put("KEY_ENCRYPTION_KEY_FILE", kekFile.toString());
            // the issuing function's: its seal (made by its first start, as on the runner) and the 证照标识's and QR code's settings
            env.put("SEAL_MATERIAL_FILE", keys.resolve("seal.properties").toString());
            env.put("LICENCE_ISSUER_USCC", "113100000024179560");
            env.put("CERTIFICATE_VERIFICATION_BASE_URL", "http://127.0.0.1:3000/public/certificates/");
            Env.use(env);

            List<Result> results = warmLatency(iterations);
            System.out.printf("%nWarm in-process latency, %d calls per route after %d warm-up calls (ms)%n", iterations, iterations / 2);
            System.out.printf("%-46s %8s %8s %8s  %s%n", "route", "p50", "p99", "max", "target p50");
            for (Result r : results) {
                System.out.printf("%-46s %8.2f %8.2f %8.2f  %s%n", r.route(), r.p50(), r.p99(), r.max(), r.target());
            }

            int signing = Math.min(iterations, 100);
            List<SigningRoutes.Row> rows = SigningRoutes.measure(signing, keyMaterial.material().ca(),
                    String.valueOf(names.attribute("NotificationQueue", "QueueUrl")));
            System.out.printf("%nSigning, review and certificate routes, warm in-process, %d calls each after %d warm-up calls;"
                            + " each signature and decision on its own application (ms)%n",
                    signing, signing / 2);
            System.out.printf("%-62s %8s %8s %8s  %s%n", "route", "p50", "p99", "max", "target p50");
            for (SigningRoutes.Row r : rows) {
                System.out.printf("%-62s %8.2f %8.2f %8.2f  %s%n", r.route(), r.p50(), r.p99(), r.max(),
                        r.route().contains("sign") && !r.route().contains("sms-codes") ? "≤ 60" : "≤ 20");
            }

            System.out.printf("%nCold start: fresh JVM to first answered event (ms, median of 5; target ≤ 1000 without documents, ≤ 2000 with)%n");
            for (FunctionDefinition f : template.functions()) {
                Path zip = root.resolve(f.codeUri());
                String event = root.resolve(COLD_START_EVENTS.getOrDefault(f.logicalId(), "events/submit/get-me.json")).toString();
                long[] times = new long[5];
                for (int i = 0; i < times.length; i++) {
                    times[i] = coldStart(zip, f.handlerClass(), event, env, String.valueOf(f.environment().get("JAVA_TOOL_OPTIONS")));
                }
                Arrays.sort(times);
                System.out.printf("%-22s %6d ms   (runs: %s)%n", f.logicalId(), times[2], Arrays.toString(times));
            }

            System.out.printf("%nFunction zips (target ≤ 15 MB without documents, ≤ 35 MB with)%n");
            for (FunctionDefinition f : template.functions()) {
                Path zip = root.resolve(f.codeUri());
                System.out.printf("%-22s %6.2f MB  %s%n", f.logicalId(), Files.size(zip) / 1024.0 / 1024.0, f.codeUri());
            }
        }
    }

    /**
     * The event each function's cold start answers: a cheap real request of its own (a signing
     * function's first answer includes opening the signing material, not yet a first signature).
     */
    private static final Map<String, String> COLD_START_EVENTS = Map.of(
            "RegistryFunction", "events/registry/put-person.json",
            "SubmitFunction", "events/submit/get-me.json",
            "PersonalSignFunction", "events/personal-sign/get-form.json",
            "EnterpriseSignFunction", "events/enterprise-sign/list-awaiting.json",
            "NotifierFunction", "events/notifier/sms-code.json",
            "CertificatesFunction", "events/certificates/verify.json",
            // an order for an unknown application: dropped, so this is init (the seal, the renderer) and one answered event
            "IssueCertificateFunction", "events/issue-certificate/order.json");

    private static List<Result> warmLatency(int n) {
        RegistryHandler registry = new RegistryHandler();
        SubmitHandler submit = new SubmitHandler();
        // fixtures: one enterprise, two people (one creates drafts, one is edited and submitted)
        call(registry, put("/registry/enterprises/{uscc}", "/registry/enterprises/" + USCC, Map.of("uscc", USCC),
                "{\"name\":\"上海浦江建设工程有限公司\"}"));
        List<String> creators = IntStream.range(0, (n + n / 2) / KINDS.length + 1).mapToObj(Bench::creatorIdNo).toList();
        for (String id : creators) {
            call(registry, put("/registry/persons/{idNo}", "/registry/persons/" + id, Map.of("idNo", id),
                    "{\"name\":\"李建国\",\"mobile\":\"13812345678\"}"));
        }
        for (String id : List.of(ID_NO)) {
            call(registry, put("/registry/persons/{idNo}", "/registry/persons/" + id, Map.of("idNo", id),
                    "{\"name\":\"王晓丽\",\"mobile\":\"13912345678\",\"photo\":\"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\"}"));
            call(registry, put("/registry/employments/{idNo}/{uscc}", "/registry/employments/" + id + "/" + USCC,
                    Map.of("idNo", id, "uscc", USCC), "{\"since\":\"2022-03-01\"}"));
            call(registry, event("POST", "/registry/exam-results", "/registry/exam-results", null, null,
                    "{\"idNo\":\"" + id + "\",\"examType\":\"INITIAL\",\"category\":\"C3\",\"examDate\":\""
                            + LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(20) + "\",\"passed\":true}", SYSTEM));
        }
        Map<String, String> person = Map.of("role", "person", "idNo", ID_NO);
        String created = call(submit, event("POST", "/applications", "/applications", null, null,
                "{\"type\":\"FIRST_ISSUE\",\"category\":\"C3\",\"position\":\"08\"}", person));
        String no = match(NUMBER, created);
        long[] version = {Long.parseLong(match(VERSION, created))};
        Map<String, String> noParam = Map.of("no", no);

        List<Result> results = new ArrayList<>();
        results.add(measure("PUT /registry/persons/{idNo}", "≤ 20", n, i -> put("/registry/persons/{idNo}",
                "/registry/persons/" + ID_NO, Map.of("idNo", ID_NO), "{\"name\":\"王晓丽\",\"mobile\":\"1391234" + (5000 + i % 1000) + "\"}"), registry));
        // Each feed changes something: a feed that says nothing new writes nothing, and would measure only a read.
        results.add(measure("PUT /registry/enterprises/{uscc}", "≤ 20", n, i -> put("/registry/enterprises/{uscc}",
                "/registry/enterprises/" + USCC, Map.of("uscc", USCC),
                "{\"name\":\"上海浦江建设工程有限公司\",\"contactMobile\":\"1391234" + (5000 + i % 1000) + "\"}"), registry));
        results.add(measure("PUT /registry/employments/{idNo}/{uscc}", "≤ 20", n, i -> put("/registry/employments/{idNo}/{uscc}",
                "/registry/employments/" + ID_NO + "/" + USCC, Map.of("idNo", ID_NO, "uscc", USCC),
                "{\"since\":\"" + LocalDate.of(2022, 3, 1).plusDays(i % 300) + "\"}"), registry));
        results.add(measure("POST /registry/exam-results", "≤ 20", n, i -> event("POST", "/registry/exam-results",
                "/registry/exam-results", null, null, "{\"idNo\":\"" + ID_NO + "\",\"examType\":\"CONTINUING\",\"category\":\"C3\",\"examDate\":\"2025-06-01\",\"passed\":true}", SYSTEM), registry));
        results.add(measure("GET /me", "≤ 20", n, i -> event("GET", "/me", "/me", null, null, null, person), submit));
        // A new draft each time: the same untouched draft asked for again within minutes is the one stored
        // (a retried create), so the creator takes turns through every category and position, and
        // each creator starts only one of each (n / 10 + 1 creators, registered above).
        results.add(measure("POST /applications", "≤ 20", n, i -> event("POST", "/applications", "/applications", null, null,
                "{\"type\":\"FIRST_ISSUE\",\"category\":\"" + KINDS[i % KINDS.length][0] + "\",\"position\":\""
                        + KINDS[i % KINDS.length][1] + "\"}", Map.of("role", "person", "idNo", creators.get(i / KINDS.length))), submit));
        results.add(measure("GET /applications/{no}", "≤ 20", n, i -> event("GET", "/applications/{no}",
                "/applications/" + no, noParam, null, null, person), submit));
        results.add(measure("GET /applications", "≤ 20", n, i -> event("GET", "/applications", "/applications", null,
                Map.of("page", "1", "size", "10"), null, person), submit));
        results.add(measure("PUT /applications/{no}", "≤ 20", n, i -> event("PUT", "/applications/{no}", "/applications/" + no,
                noParam, null, "{\"enterprisePhone\":\"021-64881234\",\"consent\":true,\"version\":" + (version[0]++) + "}", person), submit));
        // A real 签名上报 each time: a save (not timed) clears the previous one, as a person's edit would;
        // a submit sent again would only answer the submission already recorded.
        results.add(measure("POST /applications/{no}/submit", "≤ 60 (with form, later)", n, i -> {
            call(submit, event("PUT", "/applications/{no}", "/applications/" + no, noParam, null,
                    "{\"enterprisePhone\":\"021-64881234\",\"consent\":true,\"version\":" + (version[0]++) + "}", person));
            version[0]++;
            return event("POST", "/applications/{no}/submit", "/applications/" + no + "/submit", noParam, null, null, person);
        }, submit));
        return results;
    }

    /** Every category with a position it allows: ten different drafts of one creator. */
    private static final String[][] KINDS = {{"A", "01"}, {"A", "02"}, {"A", "03"}, {"A", "04"}, {"A", "05"}, {"A", "06"},
            {"B", "07"}, {"C1", "08"}, {"C2", "08"}, {"C3", "08"}};

    /** A valid resident ID number per creator: 310104 + a birth date counted from 1970-01-01 + serial 001 + check. */
    private static String creatorIdNo(int k) {
        return IdNumber.withCheckCharacter("310104" + LocalDate.of(1970, 1, 1).plusDays(k).format(DateTimeFormatter.BASIC_ISO_DATE) + "001");
    }

    private static Result measure(String route, String target, int n, IntFunction<APIGatewayV2HTTPEvent> events,
                                  HttpFunction handler) {
        int warmUp = n / 2;
        double[] ms = new double[n];
        for (int i = 0; i < warmUp + n; i++) {
            APIGatewayV2HTTPEvent e = events.apply(i);
            long start = System.nanoTime();
            APIGatewayV2HTTPResponse r = handler.handle(e);
            long took = System.nanoTime() - start;
            if (r.getStatusCode() >= 300) {
                throw new IllegalStateException(route + " answered " + r.getStatusCode() + ": " + r.getBody());
            }
            if (i >= warmUp) {
                ms[i - warmUp] = took / 1e6;
            }
        }
        Arrays.sort(ms);
        return new Result(route, ms[n / 2], ms[(int) Math.ceil(n * 0.99) - 1], ms[n - 1], target);
    }

    private static long coldStart(Path zip, String handler, String eventFile, Map<String, String> env,
                                  String javaToolOptions) throws Exception {
        Path dir = Files.createTempDirectory("coldstart");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (var entry : z.stream().toList()) {
                Path target = dir.resolve(entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (var in = z.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        String serialization = Path.of(LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String self = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String classPath = String.join(File.pathSeparator, dir.toString(), dir.resolve("lib") + File.separator + "*", serialization, self);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, ColdStart.class.getName(), handler, eventFile);
        pb.environment().putAll(env);
        // the JVM options template.yaml gives the function, read by the JVM itself as on Lambda
        pb.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("STATUS ")) {
                    long took = (System.nanoTime() - start) / 1_000_000;
                    // an answered request: a 404 for the sample's unknown application counts as much as a 200
                    if (!line.matches("STATUS [1-4]\\d\\d")) {
                        throw new IllegalStateException(handler + " cold start answered " + line);
                    }
                    p.waitFor();
                    return took;
                }
            }
        }
        throw new IllegalStateException(handler + " cold start printed no status (exit " + p.waitFor() + ")");
    }

    private static APIGatewayV2HTTPEvent put(String route, String path, Map<String, String> params, String body) {
        return event("PUT", route, path, params, null, body, SYSTEM);
    }

    private static APIGatewayV2HTTPEvent event(String method, String route, String path, Map<String, String> params,
                                               Map<String, String> query, String body, Map<String, String> claims) {
        return Events.of(method, route, path, params, query, body, claims);
    }

    static String call(HttpFunction handler, APIGatewayV2HTTPEvent e) {
        APIGatewayV2HTTPResponse r = handler.handle(e);
        if (r.getStatusCode() >= 300) {
            throw new IllegalStateException(e.getRouteKey() + " answered " + r.getStatusCode() + ": " + r.getBody());
        }
        return r.getBody();
    }

    static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + s);
        }
        return m.group(1);
    }
}
