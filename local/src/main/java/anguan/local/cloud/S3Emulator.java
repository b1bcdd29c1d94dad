package anguan.local.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3: S3Proxy in this JVM, with signature V4 checked as S3 does (so a presigned URL that works here
 * is signed right), objects on disk under the data directory or in memory for tests.
 */
final class S3Emulator implements AutoCloseable {
    private static final int ATTEMPTS = 3;

    private final S3Proxy proxy;
    private final int port;

    private S3Emulator(S3Proxy proxy, int port) {
        this.proxy = proxy;
        this.port = port;
    }

    /** @param dataDir where objects are kept; null keeps them in memory */
    static S3Emulator start(Path dataDir) {
        BlobStore store = dataDir == null ? new TransientNio2BlobStore() : filesystem(dataDir);
        Exception failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = FreePort.pick();
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V4, LocalCloud.ACCESS_KEY_ID, LocalCloud.SECRET_ACCESS_KEY)
                    // Jetty would otherwise wait for idle keep-alive connections before it stops.
                    .stopTimeout(0)
                    .build();
            try {
                proxy.start();
                return new S3Emulator(proxy, port);
            } catch (Exception e) {
                failure = e;
                stopQuietly(proxy);
            }
        }
        throw new IllegalStateException("S3Proxy did not start", failure);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        stopQuietly(proxy);
    }

    private static BlobStore filesystem(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FilesystemNio2BlobStore(dataDir.toAbsolutePath().toString());
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // stopping a server that never started
        }
    }
}
