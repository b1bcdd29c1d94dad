package anguan.domain.issuance;

import java.time.Instant;
import java.util.Objects;

/**
 * A message on the certificate queue: apply the effect of an approved application (DOMAIN.md, the
 * six applications' effect on approval) and (re)issue its e-certificates. Delivered at least once;
 * the consumer is idempotent and resumable, keyed by the application number.
 *
 * @param id stable for what it orders (e.g. {@code approved:W2026112700001}), so a retried step sends the same order
 */
public record IssueOrder(String id, String applicationNo, Instant orderedAt) {
    public IssueOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicationNo, "applicationNo");
    }

    public static IssueOrder approved(String applicationNo, Instant at) {
        return new IssueOrder("approved:" + applicationNo, applicationNo, at);
    }
}
