package anguan.bench;

import anguan.domain.enterprise.Uscc;
import anguan.domain.person.IdNumber;
import anguan.local.LocalRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decision → e-certificate downloadable, through the local runner as its users see it: a reviewer
 * approves a 考核发证 (POST decision), the certificate queue's consumer applies it and seals the
 * OFD, and the person polls {@code GET /certificates} until the new certificate has its file, asks
 * for the download link and fetches the file. The clock runs from the decision's request to the
 * last byte of the OFD. Each round files and signs an application of its own first (not timed).
 * The runner's queue pollers long-poll, as Lambda's event source mapping does, so this includes
 * the hand-over through SQS.
 *
 * <p>Usage: {@code java … anguan.bench.DecisionToDownload [rounds]}, run by {@code bench/run}.
 */
public final class DecisionToDownload {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final String base;
    private final String system;
    private final String reviewer;
    private final LocalRunner runner;

    private DecisionToDownload(LocalRunner runner) {
        this.runner = runner;
        this.base = runner.baseUrl().toString().replaceAll("/$", "");
        this.system = runner.systemToken();
        this.reviewer = runner.token(Map.of("role", "reviewer", "sub", "bench-reviewer"));
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (LocalRunner runner = LocalRunner.start(LocalRunner.Options.forTests())) {
            DecisionToDownload bench = new DecisionToDownload(runner);
            bench.round(); // the consumer's container starts on the first order: not counted
            double[] ms = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                ms[i] = bench.round();
            }
            Arrays.sort(ms);
            System.out.printf("%nDecision → e-certificate downloadable through the local runner, %d rounds (ms)%n", rounds);
            System.out.printf("%-46s %8.1f %8.1f %8.1f%n", "POST decision … OFD fetched (p50 p90 max)",
                    ms[rounds / 2], ms[(int) Math.min(rounds - 1, Math.ceil(rounds * 0.9) - 1)], ms[rounds - 1]);
        }
    }

    /** One application filed, signed by both, then approved: the ms from the decision to the fetched file. */
    private double round() throws Exception {
        String idNo = idNo();
        String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String uscc = uscc();
        ok(call("PUT", "/registry/enterprises/" + uscc, Map.of("name", "上海浦江建设工程有限公司", "signingPassword", "Pw-123456",
                "contactMobile", "13912345678"), system));
        ok(call("PUT", "/registry/persons/" + idNo, Map.of("name", "陈子莲", "gender", IdNumber.gender(idNo).name(),
                "birthDate", IdNumber.birthDate(idNo).toString(), "idType", "ID_CARD", "mobile", mobile, "photo",
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), system));
        ok(call("PUT", "/registry/employments/" + idNo + "/" + uscc, Map.of("since", TODAY.minusYears(2).toString()), system));
        ok(call("POST", "/registry/exam-results", Map.of("idNo", idNo, "examType", "INITIAL", "category", "C3",
                "examDate", TODAY.minusDays(20).toString(), "passed", true), system));
        String person = runner.token(Map.of("role", "person", "idNo", idNo));
        String enterprise = runner.token(Map.of("role", "enterprise", "uscc", uscc));
        JsonNode created = ok(call("POST", "/applications", Map.of("type", "FIRST_ISSUE", "category", "C3", "position", "08"), person));
        String no = created.get("applicationNo").asText();
        ok(call("PUT", "/applications/" + no, Map.of("enterprisePhone", "021-64881234", "consent", true,
                "version", created.get("version").asLong()), person));
        ok(call("POST", "/applications/" + no + "/submit", null, person));
        ok(call("POST", "/applications/" + no + "/sms-codes", null, person));
        ok(call("POST", "/applications/" + no + "/personal-signature", Map.of("smsCode", code(mobile)), person));
        ok(call("POST", "/enterprise/applications/" + no + "/signature", Map.of("consent", true, "signingPassword", "Pw-123456"), enterprise));

        long start = System.nanoTime();
        ok(call("POST", "/review/applications/" + no + "/decision", Map.of("decision", "APPROVE", "opinion", "材料齐全"), reviewer));
        String number = null;
        while (number == null) {
            for (JsonNode c : ok(call("GET", "/certificates", null, person)).get("items")) {
                if (c.hasNonNull("ofdFileName")) {
                    number = c.get("certificateNo").asText();
                }
            }
            if (number == null) {
                if (System.nanoTime() - start > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("no certificate for " + no + " within 60 s");
                }
                Thread.sleep(5);
            }
        }
        JsonNode link = ok(call("GET", "/certificates/" + URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20") + "/ofd",
                null, person));
        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(link.get("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (file.statusCode() != 200 || file.body().length < 1000) {
            throw new IllegalStateException("the OFD of " + number + " did not download: " + file.statusCode());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** The newest signing code sent to the mobile (the notifier delivers it through the local SNS). */
    private String code(String mobile) throws Exception {
        for (int i = 0; i < 2000; i++) {
            for (JsonNode sms : ok(call("GET", "/dev/sms?mobile=" + mobile, null, null)).get("items")) {
                Matcher m = CODE.matcher(sms.get("text").asText());
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no SMS code arrived");
    }

    private record Reply(int status, String body) {
    }

    private Reply call(String method, String path, Object body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body());
    }

    private static JsonNode ok(Reply r) throws Exception {
        if (r.status() / 100 != 2) {
            throw new IllegalStateException(r.status() + " " + r.body());
        }
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private static String idNo() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(r.nextInt(9000));
        return IdNumber.withCheckCharacter("310104" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000)));
    }

    private static String uscc() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder first17 = new StringBuilder("9131010");
        for (int i = 0; i < 10; i++) {
            first17.append(r.nextInt(10));
        }
        return Uscc.withCheckCharacter(first17.toString());
    }
}
