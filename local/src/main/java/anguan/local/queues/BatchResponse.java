package anguan.local.queues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a function with {@code ReportBatchItemFailures} answered to a batch, read as Lambda reads
 * it: {@code {"batchItemFailures":[{"itemIdentifier": messageId}]}} names the messages that failed;
 * an empty or null answer means all succeeded; an answer Lambda cannot use (an identifier that is
 * blank or not in the batch, a body that is no such object) fails the whole batch.
 */
final class BatchResponse {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchResponse() {
    }

    /** The failed message ids, or empty when the answer is unusable (then every message failed). */
    static Optional<Set<String>> failedIds(String answer, Set<String> batch) {
        if (answer == null || answer.isBlank() || answer.trim().equals("null")) {
            return Optional.of(Set.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root == null || root.isNull()) {
            return Optional.of(Set.of());
        }
        if (!root.isObject()) {
            return Optional.empty();
        }
        JsonNode failures = root.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Optional.of(Set.of());
        }
        if (!failures.isArray()) {
            return Optional.empty();
        }
        Set<String> failed = new LinkedHashSet<>();
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || !id.isTextual() || !batch.contains(id.asText())) {
                return Optional.empty();
            }
            failed.add(id.asText());
        }
        return Optional.of(failed);
    }
}
