package anguan.aws.dynamo;

import anguan.domain.common.Versioned;
import anguan.domain.signing.SmsChallenge;
import anguan.domain.signing.SmsChallengeRepository;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Each application's current SMS challenge in the application's partition ({@code APP#number / SMS},
 * see {@link Keys}), versioned: a new code and every counted try are written over the version read.
 * The item holds what the record holds, the salted hash and the salt; the code itself is never stored.
 */
public final class DynamoSmsChallengeRepository implements SmsChallengeRepository {
    private static final String SMS = "SMS";
    /** Long past the code's 30 minutes: DynamoDB's TTL only tidies up, the expiry is decided in code. */
    private static final Duration KEPT_FOR = Duration.ofDays(1);

    private final Table table;

    public DynamoSmsChallengeRepository(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Versioned<SmsChallenge>> current(String applicationNo) {
        return table.getVersioned(Keys.application(applicationNo), SMS, SmsChallenge.class);
    }

    @Override
    public boolean insert(SmsChallenge challenge) {
        return table.insert(item(challenge));
    }

    @Override
    public boolean update(SmsChallenge challenge, long expectedVersion) {
        return table.update(item(challenge), expectedVersion);
    }

    private static Map<String, AttributeValue> item(SmsChallenge challenge) {
        var item = Table.item(Keys.application(challenge.applicationNo()), SMS, challenge);
        item.put(Keys.EXPIRES_AT, Keys.expiresAt(challenge.sentAt().plus(KEPT_FOR)));
        return item;
    }
}
