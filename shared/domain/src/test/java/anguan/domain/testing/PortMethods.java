package anguan.domain.testing;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * Which port methods change state. The rule reads the method's first word (its verb): reads find,
 * get, list, ...; writes save, insert, update, delete, append, put, next (a counter increment), ...
 * A verb on neither list is {@link Kind#UNKNOWN}: {@link Faults} counts it as a write (a fault must
 * never be missed), and {@code PortMethodsTest} fails until someone puts the verb on a list.
 */
public final class PortMethods {

    /** What a call does to the state behind the port. */
    public enum Kind { READ, WRITE, UNKNOWN }

    private static final Set<String> READS = Set.of(
            "find", "get", "list", "of", "at", "by", "events", "employments", "exams", "link", "exists", "render",
            "count", "query", "load", "read", "search", "has", "is", "contains", "peek", "current",
            // FormSigner: computes a signed document from the bytes it is given; the keys it uses are the adapter's business
            "sign", "prepare", "complete");

    private static final Set<String> WRITES = Set.of(
            "save", "insert", "update", "upsert", "delete", "remove", "append", "put", "next", "increment",
            "claim", "release", "create", "add", "set", "store", "write", "record", "mark", "replace", "clear",
            "consume", "reserve", "take", "lock", "unlock", "expire", "cancel", "publish", "send", "notify",
            "issue");

    private PortMethods() {
    }

    public static Kind classify(Method method) {
        String verb = verb(method.getName());
        if (READS.contains(verb)) {
            return Kind.READ;
        }
        return WRITES.contains(verb) ? Kind.WRITE : Kind.UNKNOWN;
    }

    /** {@code deleteEmployment} → {@code delete}, {@code ofHolder} → {@code of}, {@code next} → {@code next}. */
    static String verb(String methodName) {
        for (int i = 1; i < methodName.length(); i++) {
            if (Character.isUpperCase(methodName.charAt(i))) {
                return methodName.substring(0, i);
            }
        }
        return methodName;
    }
}
