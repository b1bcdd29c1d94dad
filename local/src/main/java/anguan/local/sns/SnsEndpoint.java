package anguan.local.sns;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * SNS on 127.0.0.1, as much of it as the platform uses, in the Query protocol the AWS SDK's
 * {@code SnsClient} speaks (form-encoded {@code Action=…} requests, XML answers):
 * {@code Publish} (an SMS to a {@code PhoneNumber}, recorded in the {@link SmsLog}, or a message to
 * a {@code TopicArn}, delivered to the topic's queues), {@code CreateTopic}, {@code Subscribe}
 * (protocol sqs) and {@code ListTopics}. No emulator of SNS runs without Docker, hence this one.
 */
public final class SnsEndpoint implements AutoCloseable {
    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final HttpServer server;
    private final ExecutorService workers;
    private final Topics topics;
    private final SmsLog sms;

    private SnsEndpoint(HttpServer server, ExecutorService workers, Topics topics, SmsLog sms) {
        this.server = server;
        this.workers = workers;
        this.topics = topics;
        this.sms = sms;
    }

    /** Listens on a free port of 127.0.0.1 (the system picks it, so no other process can take it meanwhile). */
    public static SnsEndpoint start(Topics topics, SmsLog sms) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, "sns-endpoint");
                thread.setDaemon(true);
                return thread;
            });
            SnsEndpoint endpoint = new SnsEndpoint(server, workers, topics, sms);
            server.createContext("/", endpoint::handle);
            server.setExecutor(workers);
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new IllegalStateException("the SNS endpoint did not start", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Topics topics() {
        return topics;
    }

    public SmsLog sms() {
        return sms;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer;
            try {
                Map<String, String> parameters = new TreeMap<>();
                parse(exchange.getRequestURI().getRawQuery(), parameters);
                parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), parameters);
                answer = answer(parameters);
            } catch (RefusedException e) {
                answer = new Answer(e.status, "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>"
                        + e.code + "</Code><Message>" + xml(e.getMessage()) + "</Message></Error><RequestId>"
                        + UUID.randomUUID() + "</RequestId></ErrorResponse>");
            }
            byte[] body = answer.xml().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Answer answer(Map<String, String> parameters) {
        String action = parameters.getOrDefault("Action", "");
        String result = switch (action) {
            case "Publish" -> "<MessageId>" + publish(parameters) + "</MessageId>";
            case "CreateTopic" -> "<TopicArn>" + xml(topics.create(required(parameters, "Name"))) + "</TopicArn>";
            case "Subscribe" -> "<SubscriptionArn>" + xml(subscribe(parameters)) + "</SubscriptionArn>";
            case "ListTopics" -> {
                StringBuilder members = new StringBuilder("<Topics>");
                topics.arns().forEach(arn -> members.append("<member><TopicArn>").append(xml(arn)).append("</TopicArn></member>"));
                yield members.append("</Topics>").toString();
            }
            default -> throw new RefusedException(400, "InvalidAction", "the local SNS does not do Action " + action);
        };
        return new Answer(200, "<" + action + "Response xmlns=\"" + NAMESPACE + "\"><" + action + "Result>" + result + "</"
                + action + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></"
                + action + "Response>");
    }

    private String publish(Map<String, String> parameters) {
        String message = required(parameters, "Message");
        String phoneNumber = parameters.get("PhoneNumber");
        if (phoneNumber != null && !phoneNumber.isBlank()) {
            sms.record(new Sms(Sms.mobileOf(phoneNumber), message, Instant.now()));
            return UUID.randomUUID().toString();
        }
        String topicArn = Optional.ofNullable(parameters.get("TopicArn")).orElse(parameters.get("TargetArn"));
        if (topicArn == null || topicArn.isBlank()) {
            throw new RefusedException(400, "InvalidParameter", "Publish needs a PhoneNumber, a TopicArn or a TargetArn");
        }
        if (!topics.exists(topicArn)) {
            throw new RefusedException(404, "NotFound", "Topic does not exist: " + topicArn);
        }
        return topics.publish(topicArn, message, Optional.ofNullable(parameters.get("Subject")), messageAttributes(parameters));
    }

    private String subscribe(Map<String, String> parameters) {
        String topicArn = required(parameters, "TopicArn");
        String protocol = required(parameters, "Protocol");
        if (!protocol.equals("sqs")) {
            throw new RefusedException(400, "InvalidParameter", "the local SNS delivers to protocol sqs only, not " + protocol);
        }
        if (!topics.exists(topicArn)) {
            throw new RefusedException(404, "NotFound", "Topic does not exist: " + topicArn);
        }
        Map<String, String> attributes = entries(parameters, "Attributes", "key", "value");
        boolean raw = Boolean.parseBoolean(attributes.getOrDefault("RawMessageDelivery", "false"));
        return topics.subscribe(topicArn, required(parameters, "Endpoint"), raw).arn();
    }

    private static Map<String, Topics.Attribute> messageAttributes(Map<String, String> parameters) {
        Map<String, Topics.Attribute> attributes = new LinkedHashMap<>();
        for (int n = 1; parameters.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String prefix = "MessageAttributes.entry." + n + ".";
            String dataType = parameters.getOrDefault(prefix + "Value.DataType", "String");
            String value = parameters.containsKey(prefix + "Value.BinaryValue") ? parameters.get(prefix + "Value.BinaryValue")
                    : parameters.getOrDefault(prefix + "Value.StringValue", "");
            attributes.put(parameters.get(prefix + "Name"), new Topics.Attribute(dataType, value));
        }
        return attributes;
    }

    /** A Query-protocol map ({@code Name.entry.N.key} / {@code .value}; the case of key and value varies by API). */
    private static Map<String, String> entries(Map<String, String> parameters, String name, String key, String value) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int n = 1; ; n++) {
            String prefix = name + ".entry." + n + ".";
            String k = Optional.ofNullable(parameters.get(prefix + key)).orElse(parameters.get(prefix + capitalised(key)));
            if (k == null) {
                return entries;
            }
            entries.put(k, Optional.ofNullable(parameters.get(prefix + value)).orElse(parameters.getOrDefault(prefix + capitalised(value), "")));
        }
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new RefusedException(400, "InvalidParameter", "Invalid parameter: " + name + " is required");
        }
        return value;
    }

    private static void parse(String form, Map<String, String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                into.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException brokenEscape) {
                throw new RefusedException(400, "InvalidParameter", "a parameter is not valid form encoding");
            }
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private record Answer(int status, String xml) {
    }

    /** A request SNS would refuse, with SNS's error code. */
    private static final class RefusedException extends RuntimeException {
        private final int status;
        private final String code;

        RefusedException(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
