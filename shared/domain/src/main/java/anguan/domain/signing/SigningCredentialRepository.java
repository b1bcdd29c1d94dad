package anguan.domain.signing;

import anguan.domain.common.Versioned;
import java.util.Optional;

/**
 * Port: the signers' certificates and sealed keys, by owner. Two first signatures at once both
 * issue a credential; only the first insert lands and the other signer reads it back, so one owner
 * never has two keys in use.
 */
public interface SigningCredentialRepository {
    Optional<Versioned<StoredCredential>> find(String owner);

    boolean insert(StoredCredential credential);

    /** Replaces a credential (an enterprise's new password) over the version read. */
    boolean update(StoredCredential credential, long expectedVersion);
}
