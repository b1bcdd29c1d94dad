package anguan.aws.dynamo;

import anguan.domain.signing.SigningSession;
import anguan.domain.signing.SigningSessionRepository;
import java.time.Duration;
import java.util.Optional;

/**
 * Two-phase signatures between prepare and complete ({@code SIGNING#signingId / SESSION}, see
 * {@link Keys}); the digest and the token's certificate ride in the document as base64. Written
 * once: the signingId is random, so a second insert under it is a bug, not a race to lose quietly.
 */
public final class DynamoSigningSessionRepository implements SigningSessionRepository {
    private static final String SESSION = "SESSION";
    /** After the session's own expiry: the item is only tidied away, expiry is decided in code. */
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final Table table;

    public DynamoSigningSessionRepository(Table table) {
        this.table = table;
    }

    @Override
    public void insert(SigningSession session) {
        var item = Table.item(pk(session.signingId()), SESSION, session);
        item.put(Keys.EXPIRES_AT, Keys.expiresAt(session.expiresAt().plus(KEPT_AFTER_EXPIRY)));
        if (!table.insert(item)) {
            throw new IllegalStateException("signing session " + session.signingId() + " already exists");
        }
    }

    @Override
    public Optional<SigningSession> find(String signingId) {
        return table.get(pk(signingId), SESSION).map(i -> Table.read(i, SigningSession.class));
    }

    private static String pk(String signingId) {
        return "SIGNING#" + signingId;
    }
}
