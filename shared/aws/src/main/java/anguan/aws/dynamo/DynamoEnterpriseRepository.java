package anguan.aws.dynamo;

import anguan.domain.enterprise.Enterprise;
import anguan.domain.enterprise.EnterpriseRepository;
import java.util.Optional;

/** Enterprise registry entries. */
public final class DynamoEnterpriseRepository implements EnterpriseRepository {
    private final Table table;

    public DynamoEnterpriseRepository(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Enterprise> find(String uscc) {
        return table.get(Keys.enterprise(uscc), "PROFILE").map(i -> Table.read(i, Enterprise.class));
    }

    @Override
    public void save(Enterprise enterprise) {
        table.put(Table.item(Keys.enterprise(enterprise.uscc()), "PROFILE", enterprise));
    }
}
