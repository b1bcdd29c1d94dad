package anguan.bench;

import static anguan.bench.Bench.call;
import static anguan.bench.Bench.match;

import anguan.aws.config.Clients;
import anguan.aws.http.HttpFunction;
import anguan.domain.person.IdNumber;
import anguan.enterprisesign.EnterpriseSignHandler;
import anguan.pdf.ca.Credential;
import anguan.pdf.ca.PlatformCa;
import anguan.personalsign.PersonalSignHandler;
import anguan.registry.RegistryHandler;
import anguan.submit.SubmitHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The signing routes through their handlers against the emulators, warm: each call a real step of
 * its own application (an SMS code, a personal signature, an enterprise signature can each happen
 * once per application), so the bench first files as many submitted applications as it measures,
 * each of its own person with its own mobile (10 codes a day per mobile).
 */
final class SigningRoutes {
    private static final String USCC = "91350100M000100Y43";
    private static final String PASSWORD = "Pw-123456";
    private static final Pattern NUMBER = Pattern.compile("\"applicationNo\":\"(W\\d+)\"");
    private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");
    private static final Pattern MOBILE = Pattern.compile("\"mobile\":\"(1\\d{10})\"");
    private static final Pattern SIGNING_ID = Pattern.compile("\"signingId\":\"([0-9a-f]+)\"");
    private static final Pattern DIGEST = Pattern.compile("\"digest\":\"([^\"]+)\"");
    private static final Map<String, String> SYSTEM = Map.of("role", "system");
    private static final Map<String, String> ENTERPRISE = Map.of("role", "enterprise", "uscc", USCC);

    private SigningRoutes() {
    }

    record Row(String route, double p50, double p99, double max) {
    }

    static List<Row> measure(int n, PlatformCa ca, String queueUrl) throws Exception {
        RegistryHandler registry = new RegistryHandler();
        SubmitHandler submit = new SubmitHandler();
        PersonalSignHandler personal = new PersonalSignHandler();
        EnterpriseSignHandler enterprise = new EnterpriseSignHandler();
        call(registry, Events.of("PUT", "/registry/enterprises/{uscc}", "/registry/enterprises/" + USCC, Map.of("uscc", USCC), null,
                "{\"name\":\"上海申城建设工程有限公司\",\"contactMobile\":\"13700000000\",\"signingPassword\":\"" + PASSWORD + "\"}", SYSTEM));
        int count = n + n / 2;
        // two applications per measured signature: one signed by password, one by token
        List<String> apps = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 2 * count; k++) {
            String id = IdNumber.withCheckCharacter("310105" + LocalDate.of(1960, 1, 1).plusDays(k).format(DateTimeFormatter.BASIC_ISO_DATE) + "002");
            String mobile = "139" + String.format("%08d", 10_000_000 + k);
            call(registry, Events.of("PUT", "/registry/persons/{idNo}", "/registry/persons/" + id, Map.of("idNo", id), null,
                    "{\"name\":\"欧阳晓燕\",\"mobile\":\"" + mobile + "\",\"photo\":\"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\"}", SYSTEM));
            call(registry, Events.of("PUT", "/registry/employments/{idNo}/{uscc}", "/registry/employments/" + id + "/" + USCC,
                    Map.of("idNo", id, "uscc", USCC), null, "{\"since\":\"2022-03-01\"}", SYSTEM));
            call(registry, Events.of("POST", "/registry/exam-results", "/registry/exam-results", null, null,
                    "{\"idNo\":\"" + id + "\",\"examType\":\"INITIAL\",\"category\":\"C3\",\"examDate\":\""
                            + LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(20) + "\",\"passed\":true}", SYSTEM));
            Map<String, String> person = Map.of("role", "person", "idNo", id);
            String no = match(NUMBER, call(submit, Events.of("POST", "/applications", "/applications", null, null,
                    "{\"type\":\"FIRST_ISSUE\",\"category\":\"C3\",\"position\":\"08\"}", person)));
            call(submit, Events.of("PUT", "/applications/{no}", "/applications/" + no, Map.of("no", no), null,
                    "{\"enterprisePhone\":\"021-64881234\",\"consent\":true,\"version\":1}", person));
            call(submit, Events.of("POST", "/applications/{no}/submit", "/applications/" + no + "/submit", Map.of("no", no), null, null, person));
            apps.add(no);
            ids.add(id);
        }
        List<Row> rows = new ArrayList<>();
        rows.add(time("POST /applications/{no}/sms-codes", n, 2 * count, i -> Events.of("POST", "/applications/{no}/sms-codes",
                "/applications/" + apps.get(i) + "/sms-codes", Map.of("no", apps.get(i)), null, null, person(ids.get(i))), personal));
        Map<String, String> codes = codes(queueUrl, 2 * count);
        rows.add(time("POST /applications/{no}/personal-signature", n, 2 * count, i -> Events.of("POST", "/applications/{no}/personal-signature",
                "/applications/" + apps.get(i) + "/personal-signature", Map.of("no", apps.get(i)), null,
                "{\"smsCode\":\"" + codes.get(mobileOf(i)) + "\"}", person(ids.get(i))), personal));
        rows.add(time("POST /enterprise/applications/{no}/signature", n, count, i -> Events.of("POST", "/enterprise/applications/{no}/signature",
                "/enterprise/applications/" + apps.get(i) + "/signature", Map.of("no", apps.get(i)), null,
                "{\"consent\":true,\"signingPassword\":\"" + PASSWORD + "\"}", ENTERPRISE), enterprise));
        Credential token = ca.issueHardwareToken("上海申城建设工程有限公司", USCC, java.time.Instant.now());
        String certificate = Base64.getEncoder().encodeToString(token.certificate().getEncoded());
        String[] sessions = new String[count];
        rows.add(time("POST …/signature/prepare", n, count, i -> Events.of("POST", "/enterprise/applications/{no}/signature/prepare",
                "/enterprise/applications/" + apps.get(count + i) + "/signature/prepare", Map.of("no", apps.get(count + i)), null,
                "{\"consent\":true,\"certificate\":\"" + certificate + "\"}", ENTERPRISE), enterprise, (i, body) -> sessions[i] = body));
        rows.add(time("POST …/signature/complete (token's CMS made outside the timing)", n, count, i -> {
            String no = apps.get(count + i);
            byte[] digest = Base64.getDecoder().decode(match(DIGEST, sessions[i]));
            String cms = Base64.getEncoder().encodeToString(TokenCms.over(digest, token));
            return Events.of("POST", "/enterprise/applications/{no}/signature/complete", "/enterprise/applications/" + no + "/signature/complete",
                    Map.of("no", no), null, "{\"signingId\":\"" + match(SIGNING_ID, sessions[i]) + "\",\"cms\":\"" + cms + "\"}", ENTERPRISE);
        }, enterprise));
        // every application is under review now: the reviewers' routes, then the certificates'
        rows.addAll(ReviewAndCertificateRoutes.measure(n, apps, ids, USCC));
        return rows;
    }

    private static String mobileOf(int k) {
        return "139" + String.format("%08d", 10_000_000 + k);
    }

    private static Map<String, String> person(String id) {
        return Map.of("role", "person", "idNo", id);
    }

    /** The codes the SMS notices carry, by mobile, read off the notification queue (no notifier runs in the bench). */
    private static Map<String, String> codes(String queueUrl, int expected) {
        Map<String, String> codes = new HashMap<>();
        SqsClient sqs = Clients.sqs();
        for (int empty = 0; codes.size() < expected && empty < 5; ) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (batch.isEmpty()) {
                empty++;
            }
            for (Message m : batch) {
                Matcher code = CODE.matcher(m.body());
                Matcher mobile = MOBILE.matcher(m.body());
                if (code.find() && mobile.find()) {
                    codes.put(mobile.group(1), code.group(1));
                }
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        if (codes.size() < expected) {
            throw new IllegalStateException("only " + codes.size() + " of " + expected + " SMS codes reached the queue");
        }
        return codes;
    }

    interface Answer {
        void take(int i, String body);
    }

    static Row time(String route, int n, int available, IntFunction<APIGatewayV2HTTPEvent> events, HttpFunction handler) {
        return time(route, n, available, events, handler, (i, body) -> { });
    }

    /** Every application available takes the step (the next step needs it); the last n calls are timed. */
    private static Row time(String route, int n, int available, IntFunction<APIGatewayV2HTTPEvent> events, HttpFunction handler, Answer answer) {
        int total = available;
        int warmUp = total - n;
        double[] ms = new double[n];
        for (int i = 0; i < total; i++) {
            APIGatewayV2HTTPEvent e = events.apply(i);
            long start = System.nanoTime();
            APIGatewayV2HTTPResponse r = handler.handle(e);
            long took = System.nanoTime() - start;
            if (r.getStatusCode() >= 300) {
                throw new IllegalStateException(route + " answered " + r.getStatusCode() + ": " + r.getBody());
            }
            answer.take(i, r.getBody());
            if (i >= warmUp) {
                ms[i - warmUp] = took / 1e6;
            }
        }
        Arrays.sort(ms);
        return new Row(route, ms[n / 2], ms[(int) Math.ceil(n * 0.99) - 1], ms[n - 1]);
    }
}
