package anguan.aws.dynamo;

import anguan.domain.common.Versioned;
import anguan.domain.signing.SigningLock;
import anguan.domain.signing.SigningLockRepository;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Each enterprise's run of wrong signing passwords beside its profile ({@code ENTERPRISE#uscc /
 * SIGNING_LOCK}, see {@link Keys}), versioned, so two wrong tries at once cannot both be the fourth.
 */
public final class DynamoSigningLockRepository implements SigningLockRepository {
    private static final String SIGNING_LOCK = "SIGNING_LOCK";

    private final Table table;

    public DynamoSigningLockRepository(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Versioned<SigningLock>> find(String uscc) {
        return table.getVersioned(Keys.enterprise(uscc), SIGNING_LOCK, SigningLock.class);
    }

    @Override
    public boolean insert(SigningLock lock) {
        return table.insert(item(lock));
    }

    @Override
    public boolean update(SigningLock lock, long expectedVersion) {
        return table.update(item(lock), expectedVersion);
    }

    private static Map<String, AttributeValue> item(SigningLock lock) {
        return Table.item(Keys.enterprise(lock.uscc()), SIGNING_LOCK, lock);
    }
}
