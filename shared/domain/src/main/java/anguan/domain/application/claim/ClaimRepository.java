package anguan.domain.application.claim;

import java.util.List;
import java.util.Optional;

/**
 * Port: the claims of each person, one per target. Every write is conditional on what is there
 * (DynamoDB condition expressions; no transactions), and every read is strongly consistent: the
 * claims are what concurrent submits meet at, so nothing here may be read from an index.
 */
public interface ClaimRepository {

    /**
     * Writes {@code claim} if its target is free or already held by the same application
     * (overwriting that application's earlier claim); writes nothing if another application holds it.
     *
     * @return what stood there before: empty when the target was free; the same application's
     *     earlier claim; or the other application's claim that holds the target (nothing written)
     */
    Optional<Claim> take(Claim claim);

    /** Replaces {@code from} by {@code claim} if {@code from} (its application and attempt) still stands there. */
    boolean takeOver(Claim claim, Claim from);

    /** Removes the claim if it is still this one (its application and attempt); answers whether it did. */
    boolean release(Claim claim);

    /** All claims of the person, whichever application holds them. */
    List<Claim> ofApplicant(String idNo);
}
