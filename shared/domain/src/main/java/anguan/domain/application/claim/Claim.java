package anguan.domain.application.claim;

import java.util.Objects;

/**
 * 在办占用: one open application's hold on one of its targets ({@link ClaimTarget}), so that two
 * applications of one person for the same certificate can never both pass 签名上报, not even when
 * both are submitted at the same moment.
 *
 * @param idNo the applicant: targets are the person's own (a category, their certificates)
 * @param applicationVersion the version of the application the submit that wrote the claim read (and writes over)
 * @param attempt which submit wrote it, unique per write: a submit takes back only what it wrote itself
 */
public record Claim(String idNo, ClaimTarget target, String applicationNo, long applicationVersion, String attempt) {
    public Claim {
        Objects.requireNonNull(idNo, "idNo");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(applicationNo, "applicationNo");
        Objects.requireNonNull(attempt, "attempt");
    }

    public boolean isOf(String applicationNo) {
        return this.applicationNo.equals(applicationNo);
    }
}
