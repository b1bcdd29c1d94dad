package anguan.domain.signing;

import anguan.domain.common.Versioned;
import java.util.Optional;

/** Port: each enterprise's run of wrong signing passwords ({@link SigningLock}); writes over the version read. */
public interface SigningLockRepository {
    Optional<Versioned<SigningLock>> find(String uscc);

    boolean insert(SigningLock lock);

    boolean update(SigningLock lock, long expectedVersion);
}
