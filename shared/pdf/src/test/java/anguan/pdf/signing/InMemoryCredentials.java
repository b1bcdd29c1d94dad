package anguan.pdf.signing;

import anguan.domain.common.Versioned;
import anguan.domain.signing.SigningCredentialRepository;
import anguan.domain.signing.StoredCredential;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The credential table as DynamoDB keeps it, with its conditions (insert if absent, update over the
 * version read), and one knob: a write to run just before the next insert lands, as another
 * container's signature that wins the race would.
 */
final class InMemoryCredentials implements SigningCredentialRepository {
    private final Map<String, Versioned<StoredCredential>> items = new HashMap<>();
    private Runnable beforeNextInsert;
    private int inserts;
    private int updates;

    InMemoryCredentials beforeNextInsert(Runnable rival) {
        this.beforeNextInsert = rival;
        return this;
    }

    @Override
    public synchronized Optional<Versioned<StoredCredential>> find(String owner) {
        return Optional.ofNullable(items.get(owner));
    }

    @Override
    public boolean insert(StoredCredential credential) {
        Runnable rival = beforeNextInsert;
        beforeNextInsert = null;
        if (rival != null) {
            rival.run();
        }
        synchronized (this) {
            if (items.containsKey(credential.owner())) {
                return false;
            }
            items.put(credential.owner(), new Versioned<>(credential, 1));
            inserts++;
            return true;
        }
    }

    @Override
    public synchronized boolean update(StoredCredential credential, long expectedVersion) {
        Versioned<StoredCredential> current = items.get(credential.owner());
        if (current == null || current.version() != expectedVersion) {
            return false;
        }
        items.put(credential.owner(), new Versioned<>(credential, expectedVersion + 1));
        updates++;
        return true;
    }

    synchronized Map<String, Versioned<StoredCredential>> items() {
        return Map.copyOf(items);
    }

    synchronized int inserts() {
        return inserts;
    }

    synchronized int updates() {
        return updates;
    }
}
