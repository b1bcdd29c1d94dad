package anguan.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs in a fresh JVM on a function zip's class path, like Lambda's runtime: deserialises one event,
 * builds the handler (its init phase), invokes it once and prints the status. The parent process
 * times it from process start to this line: the cold-start proxy.
 * Args: handler class, event JSON file.
 */
public final class ColdStart {
    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

    private ColdStart() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        ClassLoader loader = ColdStart.class.getClassLoader();
        Object handler = loader.loadClass(args[0]).getDeclaredConstructor().newInstance();
        if (handler instanceof RequestStreamHandler stream) {
            // what Lambda's runtime does for a stream handler: the payload's bytes in, the response's bytes out
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
                stream.handleRequest(in, out, new BenchContext());
            }
            Matcher status = STATUS.matcher(out.toString(StandardCharsets.UTF_8));
            System.out.println("STATUS " + (status.find() ? status.group(1) : "?"));
            return;
        }
        String json = Files.readString(Path.of(args[1]));
        boolean sqs = json.contains("\"aws:sqs\"");
        Class<?> eventType = loader.loadClass(sqs ? "com.amazonaws.services.lambda.runtime.events.SQSEvent"
                : "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent");
        Object event = LambdaEventSerializers.serializerFor(eventType, loader).fromJson(json);
        Object response = ((RequestHandler) handler).handleRequest(event, new BenchContext());
        // a queue consumer answers its batch's failures; having answered at all is the cold start
        Object status = sqs ? (response == null ? "?" : 200) : response.getClass().getMethod("getStatusCode").invoke(response);
        System.out.println("STATUS " + status);
    }

    /** The little of Context a handler reads. */
    private static final class BenchContext implements Context {
        @Override public String getAwsRequestId() { return "cold-start"; }
        @Override public String getLogGroupName() { return "bench"; }
        @Override public String getLogStreamName() { return "bench"; }
        @Override public String getFunctionName() { return "bench"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:0:function:bench"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 30_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.err.println(message); }
                @Override public void log(byte[] message) { System.err.println(new String(message)); }
            };
        }
    }
}
