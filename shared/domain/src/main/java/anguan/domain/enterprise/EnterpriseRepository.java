package anguan.domain.enterprise;

import java.util.Optional;

/** Port: the enterprise registry. */
public interface EnterpriseRepository {
    Optional<Enterprise> find(String uscc);

    void save(Enterprise enterprise);
}
