package anguan.domain.application.claim;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationRepository;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.common.DomainProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 不得重复申请 under concurrency. The rule's check (NoOtherApplicationInProgress) reads the person's
 * applications through an index, which DynamoDB keeps only eventually consistent: two submits of
 * two applications for the same certificate, at the same moment, could both miss each other there.
 * So a submit that passed every check also takes a {@link Claim} on each of its targets, with
 * writes conditional on the target being free (or already this application's), and only then
 * records the submission. Of two such submits one finds the other's claim and is refused.
 *
 * <p>What is read, and how fresh it is:
 * <ul>
 *   <li>claims: strongly consistent reads and conditional writes, the one place concurrent submits meet;</li>
 *   <li>the application holding a claim: read by its key, strongly consistent, so a holder that was
 *       deleted or decided is seen as such;</li>
 *   <li>the person's applications for the check: the index, possibly a moment behind. That is safe
 *       because the claims decide every race between submits; the check remains for what claims
 *       cannot see, an open draft that was never submitted (it blocks too, DOMAIN.md says). A draft
 *       created in the very moment of a submit may be missed there; it is then the one refused,
 *       by the claim, when it is submitted itself.</li>
 * </ul>
 *
 * <p>Approved is not done: the effect of an approval (the new or changed certificate) is applied
 * afterwards by the certificate queue's consumer, and until it is, CategoryNotAlreadyHeld and
 * CertificateHeldAndValid cannot see it. So an APPROVED application whose effect is not yet
 * applied still holds its claims (a second 考核发证 for the same category, approved in that
 * moment, would otherwise get a second number); the issuance releases them once it has marked
 * the effect applied, and from then on the certificate itself is what the checks see.
 *
 * <p>Crashes. Claims are written before the submission they belong to, so a function that dies in
 * between leaves claims of an application that this attempt did not submit. A claim blocks only
 * while its application holds claims (open, or approved and its effect not yet applied) and either still aims at the target
 * as stored, or has not changed since the submit that wrote the claim read it (that submit may
 * still be writing). Any other claim is stale and is taken over, with a write conditional on the
 * claim found (its application and attempt), so two submits taking over one stale claim cannot
 * both succeed. A submit refused part-way takes back the claims it wrote itself, each with a
 * delete conditional on its attempt, so a concurrent submit of the same application that rewrote
 * one keeps it. If the function dies before that, the leftovers belong to an open application
 * that aims at them, on which the rule blocks anyway (DOMAIN.md: an open application blocks), or
 * else they block only until that application next changes (a save, submit, delete or decision
 * moves its version on).
 */
public final class ApplicationClaims {
    /** Another writer changed a claim between our read and our write this many times in a row: give up. */
    private static final int ROUNDS = 5;

    private final ClaimRepository claims;
    private final ApplicationRepository applications;

    public ApplicationClaims(ClaimRepository claims, ApplicationRepository applications) {
        this.claims = claims;
        this.applications = applications;
    }

    /**
     * Takes every target of the application about to be submitted over {@code readVersion}, in
     * their fixed order.
     *
     * @return the open application that holds one of the targets (then nothing is left taken by
     *     this call), or empty when every target is this application's
     */
    public Optional<Application> take(Application application, long readVersion) {
        String attempt = UUID.randomUUID().toString();
        List<Claim> written = new ArrayList<>();
        for (ClaimTarget target : ClaimTarget.of(application)) {
            Claim mine = new Claim(application.applicantIdNo(), target, application.applicationNo(), readVersion, attempt);
            Optional<Application> holder = takeOne(mine, written);
            if (holder.isPresent()) {
                written.forEach(claims::release);
                return holder;
            }
        }
        return Optional.empty();
    }

    /**
     * Releases every claim of an application that holds none any more: deleted by the person,
     * rejected (the review function calls this after it has recorded the decision), or approved with
     * its effect applied (the issuance calls this after it has marked it). Releasing is tidiness, not
     * safety: such an application's claims are taken over anyway. Releasing nothing is a no-op, so a
     * redelivery may call it again.
     */
    public void release(Application closed) {
        if (holdsClaims(closed)) {
            throw new IllegalArgumentException("an application still in progress keeps its claims: " + closed.applicationNo());
        }
        claims.ofApplicant(closed.applicantIdNo()).stream()
                .filter(c -> c.isOf(closed.applicationNo()))
                .forEach(claims::release);
    }

    private Optional<Application> takeOne(Claim mine, List<Claim> written) {
        for (int round = 0; round < ROUNDS; round++) {
            Optional<Claim> before = claims.take(mine);
            if (before.isEmpty()) {
                written.add(mine);
                return Optional.empty();
            }
            Claim held = before.get();
            if (held.isOf(mine.applicationNo())) {
                return Optional.empty(); // ours already, from an earlier submit: renewed, not ours to take back
            }
            Optional<Application> holder = applications.find(held.applicationNo()).filter(a -> stillHolds(a, held));
            if (holder.isPresent()) {
                return holder;
            }
            if (claims.takeOver(mine, held)) {
                written.add(mine);
                return Optional.empty();
            }
            // the claim changed between our read and our write: look at it again
        }
        throw DomainProblem.concurrentUpdate();
    }

    /**
     * Holding claims at all ({@link #holdsClaims}), and either its submit that took the claim may
     * still be under way (its version is the one that submit read) or it still aims at the target
     * as stored. Once its version has moved on, that submit is over (it wrote, or its write was
     * refused), so the stored application says all: an 省内变更受聘企业 whose list no longer has the
     * certificate no longer holds it. An approval and the issuance's writes move the version on,
     * and an approved application still aims at its targets, so it holds them until its effect is applied.
     */
    private static boolean stillHolds(Application holder, Claim claim) {
        return holdsClaims(holder)
                && (holder.version() == claim.applicationVersion() || ClaimTarget.of(holder).contains(claim.target()));
    }

    /** Open, or approved with its effect (the certificate the checks will see) not yet applied. */
    private static boolean holdsClaims(Application application) {
        return application.isOpen() || (!application.isDeleted() && application.status() == ApplicationStatus.APPROVED
                && !application.isEffectApplied());
    }
}
