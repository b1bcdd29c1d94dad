package anguan.domain.common;

import java.time.Duration;
import java.util.Optional;

/** Port: the private document store (forms, notices, e-certificates, registry photos). */
public interface DocumentStore {
    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    /** A short-lived download link. */
    DownloadLink link(String key, String fileName, Duration validFor);

    record DownloadLink(String url, java.time.Instant expiresAt) {
    }
}
