package anguan.domain.enterprise;

import anguan.domain.common.Versioned;
import java.util.Optional;

/**
 * Port: the enterprise registry. Writes are conditional as for {@link anguan.domain.person.PersonRepository}:
 * insert only where nothing is stored, update only over the version read; false when someone else wrote first.
 */
public interface EnterpriseRepository {
    default Optional<Enterprise> find(String uscc) {
        return findVersioned(uscc).map(Versioned::value);
    }

    Optional<Versioned<Enterprise>> findVersioned(String uscc);

    /** @return false when the enterprise is already registered */
    boolean insert(Enterprise enterprise);

    /** @return false when the stored entry is no longer at {@code expectedVersion}, or is gone */
    boolean update(Enterprise enterprise, long expectedVersion);
}
