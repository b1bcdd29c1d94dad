package anguan.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the contract of API.md, as an outside caller sees it. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Reply(int status, JsonNode body, String raw, String contentType) {
        String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asText();
        }

        java.util.Set<String> violationCodes() {
            java.util.Set<String> codes = new java.util.TreeSet<>();
            if (body != null && body.has("violations")) {
                body.get("violations").forEach(v -> codes.add(v.get("code").asText()));
            }
            return codes;
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    String token(Map<String, String> claims) {
        Reply r = call("POST", "/dev/tokens", claims, null);
        if (r.status() != 200) {
            throw new IllegalStateException("no token: " + r);
        }
        return r.body().get("token").asText();
    }

    String system() {
        return token(Map.of("role", "system"));
    }

    String person(String idNo) {
        return token(Map.of("role", "person", "idNo", idNo));
    }

    Reply get(String path, String token) {
        return call("GET", path, null, token);
    }

    Reply post(String path, Object body, String token) {
        return call("POST", path, body, token);
    }

    Reply put(String path, Object body, String token) {
        return call("PUT", path, body, token);
    }

    Reply delete(String path, String token) {
        return call("DELETE", path, null, token);
    }

    /** Sends a body exactly as given (for malformed JSON). */
    Reply raw(String method, String path, String body, String token) {
        return send(method, path, body, token);
    }

    Reply call(String method, String path, Object body, String token) {
        try {
            return send(method, path, body == null ? null : JSON.writeValueAsString(body), token);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String seg(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Reply send(String method, String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
            return new Reply(r.statusCode(), json, r.body(), r.headers().firstValue("content-type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
