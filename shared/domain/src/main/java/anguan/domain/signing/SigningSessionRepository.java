package anguan.domain.signing;

import java.util.Optional;

/** Port: two-phase signatures between prepare and complete, by signingId (a random id nobody can guess). */
public interface SigningSessionRepository {
    void insert(SigningSession session);

    Optional<SigningSession> find(String signingId);
}
