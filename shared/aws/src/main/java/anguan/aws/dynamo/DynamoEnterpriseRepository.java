package anguan.aws.dynamo;

import anguan.domain.common.Versioned;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.enterprise.EnterpriseRepository;
import java.util.Optional;

/** Enterprise registry entries, versioned. */
public final class DynamoEnterpriseRepository implements EnterpriseRepository {
    private final Table table;

    public DynamoEnterpriseRepository(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Versioned<Enterprise>> findVersioned(String uscc) {
        return table.getVersioned(Keys.enterprise(uscc), "PROFILE", Enterprise.class);
    }

    @Override
    public boolean insert(Enterprise enterprise) {
        return table.insert(Table.item(Keys.enterprise(enterprise.uscc()), "PROFILE", enterprise));
    }

    @Override
    public boolean update(Enterprise enterprise, long expectedVersion) {
        return table.update(Table.item(Keys.enterprise(enterprise.uscc()), "PROFILE", enterprise), expectedVersion);
    }
}
