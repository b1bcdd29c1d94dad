package anguan.domain.signing;

import anguan.domain.common.Versioned;
import java.util.Optional;

/**
 * Port: the current SMS challenge of each application (one per application: a new code replaces the
 * last). Writes are conditional, so two requests at once cannot both send a code, and two tries at
 * once cannot both count as the same try.
 */
public interface SmsChallengeRepository {
    /** Strongly consistent: what a try is judged against. */
    Optional<Versioned<SmsChallenge>> current(String applicationNo);

    /** The application's first challenge; false when one was stored meanwhile. */
    boolean insert(SmsChallenge challenge);

    /** Replaces the challenge if it is still at {@code expectedVersion}; false when someone wrote first. */
    boolean update(SmsChallenge challenge, long expectedVersion);
}
