package anguan.aws.dynamo;

import anguan.domain.common.Versioned;
import anguan.domain.signing.SigningCredentialRepository;
import anguan.domain.signing.StoredCredential;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Signers' certificates and sealed keys ({@code CREDENTIAL#owner / CREDENTIAL}, see {@link Keys}),
 * versioned: the first insert of an owner wins, so two first signatures at once leave one key.
 * The certificate and the sealed key are binary attributes (as DER and as sealed, byte for byte);
 * the document holds the rest.
 */
public final class DynamoSigningCredentialRepository implements SigningCredentialRepository {
    private static final String CREDENTIAL = "CREDENTIAL";
    private static final String CERTIFICATE = "certificate";
    private static final String SEALED_KEY = "sealedKey";

    private final Table table;

    public DynamoSigningCredentialRepository(Table table) {
        this.table = table;
    }

    /** The document: what is not bytes. */
    record Entry(String owner, String sealedFor, Instant issuedAt) {
    }

    @Override
    public Optional<Versioned<StoredCredential>> find(String owner) {
        return table.get(pk(owner), CREDENTIAL).map(item -> {
            Entry entry = Table.read(item, Entry.class);
            return new Versioned<>(new StoredCredential(entry.owner(), item.get(CERTIFICATE).b().asByteArray(),
                    item.get(SEALED_KEY).b().asByteArray(), entry.sealedFor(), entry.issuedAt()), Table.version(item));
        });
    }

    @Override
    public boolean insert(StoredCredential credential) {
        return table.insert(item(credential));
    }

    @Override
    public boolean update(StoredCredential credential, long expectedVersion) {
        return table.update(item(credential), expectedVersion);
    }

    private static Map<String, AttributeValue> item(StoredCredential c) {
        var item = Table.item(pk(c.owner()), CREDENTIAL, new Entry(c.owner(), c.sealedFor(), c.issuedAt()));
        item.put(CERTIFICATE, AttributeValue.fromB(SdkBytes.fromByteArray(c.certificate())));
        item.put(SEALED_KEY, AttributeValue.fromB(SdkBytes.fromByteArray(c.sealedKey())));
        return item;
    }

    private static String pk(String owner) {
        return "CREDENTIAL#" + owner;
    }
}
