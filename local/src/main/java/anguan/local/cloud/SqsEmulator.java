package anguan.local.cloud;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * SQS: ElasticMQ in this JVM. Queues live in memory: they are created from the template at every
 * start, and a message in flight when the runner stops is lost, which the consumers' idempotency
 * makes harmless.
 */
final class SqsEmulator implements AutoCloseable {
    private static final int ATTEMPTS = 3;

    static {
        // ElasticMQ runs on Pekko, which logs at INFO to stdout unless told otherwise.
        setIfAbsent("pekko.loglevel", "WARNING");
        setIfAbsent("pekko.stdout-loglevel", "WARNING");
        setIfAbsent("pekko.log-dead-letters", "off");
        setIfAbsent("pekko.log-dead-letters-during-shutdown", "off");
        // The runner stops ElasticMQ itself (close() or its own shutdown hook); Pekko's hook would race it.
        setIfAbsent("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
        // An emulator someone forgot to close must not keep the JVM alive.
        setIfAbsent("pekko.daemonic", "on");
    }

    private final SQSRestServer server;
    private final int port;

    private SqsEmulator(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static SqsEmulator start() {
        RuntimeException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = FreePort.pick();
            SQSRestServer server = SQSRestServerBuilder
                    .withInterface("127.0.0.1")
                    .withPort(port)
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                    .withAWSRegion(LocalCloud.REGION)
                    .withAWSAccountId(LocalCloud.ACCOUNT_ID)
                    .start();
            try {
                server.waitUntilStarted();
                return new SqsEmulator(server, port);
            } catch (RuntimeException e) {
                // most likely the port was taken between pick() and bind
                failure = e;
                server.stopAndWait();
            }
        }
        throw new IllegalStateException("ElasticMQ did not start", failure);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
