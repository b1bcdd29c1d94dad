package anguan.domain.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The whole state of an {@link InMemoryRegistry} at one moment, table by table, comparable with
 * another: what a crash-and-retry run is checked by. The tables are the store's collection fields,
 * found by reflection, so a table someone adds to the store is compared without editing this.
 * Keyed tables are sorted by key; lists (the audit trail) keep their order.
 */
public final class Snapshot {
    private static final Comparator<Object> BY_TEXT = Comparator.comparing(String::valueOf);

    private final SortedMap<String, Object> tables;

    private Snapshot(SortedMap<String, Object> tables) {
        this.tables = tables;
    }

    static Snapshot of(InMemoryRegistry store) {
        SortedMap<String, Object> tables = new TreeMap<>();
        synchronized (store) {
            for (Field field : InMemoryRegistry.class.getDeclaredFields()) {
                boolean versioned = field.getType() == InMemoryRegistry.Versions.class;
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers()) || !(versioned
                        || Map.class.isAssignableFrom(field.getType()) || Collection.class.isAssignableFrom(field.getType()))) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    Object table = field.get(store);
                    // A versioned table is compared with its versions: a retry that writes twice shows as a higher one.
                    tables.put(field.getName(), copy(versioned ? ((InMemoryRegistry.Versions<?>) table).rows() : table));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return new Snapshot(tables);
    }

    /** The names of the tables: the store's fields, e.g. {@code applications}, {@code events}, {@code counters}. */
    public List<String> tableNames() {
        return List.copyOf(tables.keySet());
    }

    /** A keyed table, sorted by key. */
    @SuppressWarnings("unchecked")
    public SortedMap<Object, Object> keyed(String table) {
        if (!(table(table) instanceof SortedMap<?, ?> rows)) {
            throw new IllegalArgumentException(table + " is a list, not a keyed table");
        }
        return (SortedMap<Object, Object>) rows;
    }

    /** A table of rows in the order they were written (the audit trail). */
    @SuppressWarnings("unchecked")
    public List<Object> listed(String table) {
        if (!(table(table) instanceof List<?> rows)) {
            throw new IllegalArgumentException(table + " is a keyed table, not a list");
        }
        return (List<Object>) rows;
    }

    /** This snapshot with one table replaced (by a map or a list). */
    public Snapshot with(String table, Object rows) {
        table(table);
        SortedMap<String, Object> changed = new TreeMap<>(tables);
        changed.put(table, copy(rows));
        return new Snapshot(changed);
    }

    /**
     * This snapshot with every value rewritten, deep: {@code how} sees each node (a record, a list,
     * a map, a key, an instant, a string...) before its parts; what it returns in place of the node
     * stands, else the node's parts are rewritten in turn. Records are rebuilt through their
     * canonical constructor.
     */
    public Snapshot rewrite(UnaryOperator<Object> how) {
        SortedMap<String, Object> rewritten = new TreeMap<>();
        tables.forEach((name, rows) -> rewritten.put(name, rewrite(rows, how)));
        return new Snapshot(rewritten);
    }

    /** What differs from {@code actual}, with this snapshot as the expected one; empty when equal. */
    public List<Difference> differences(Snapshot actual) {
        List<Difference> differences = new ArrayList<>();
        for (String name : tables.keySet()) {
            Object mine = tables.get(name);
            Object theirs = actual.tables.get(name);
            if (mine instanceof SortedMap<?, ?> expectedRows && theirs instanceof SortedMap<?, ?> actualRows) {
                compare(name, expectedRows, actualRows, differences);
            } else if (mine instanceof List<?> expectedRows && theirs instanceof List<?> actualRows) {
                compare(name, expectedRows, actualRows, differences);
            } else if (!Objects.equals(mine, theirs)) {
                differences.add(new Difference(name, null, mine, theirs));
            }
        }
        return differences;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Snapshot s && tables.equals(s.tables);
    }

    @Override
    public int hashCode() {
        return tables.hashCode();
    }

    @Override
    public String toString() {
        return tables.toString();
    }

    /**
     * One difference between an expected and an actual state: a row only in the expected one
     * ({@code actual} null: lost), only in the actual one ({@code expected} null: extra), or with
     * another value. {@code key} is null for a row of a list.
     */
    public record Difference(String table, Object key, Object expected, Object actual) {

        public boolean isLost() {
            return actual == null;
        }

        public boolean isExtra() {
            return expected == null;
        }

        @Override
        public String toString() {
            String where = table + (key == null ? "" : "[" + key + "]");
            if (isLost()) {
                return where + " lost: " + expected;
            }
            if (isExtra()) {
                return where + " extra: " + actual;
            }
            if (expected instanceof Record e && actual instanceof Record a && e.getClass() == a.getClass()) {
                return where + " differs in " + componentsThatDiffer(e, a);
            }
            return where + " expected " + expected + " but was " + actual;
        }

        /** Only what changed, so that a long record does not hide its one different field. */
        private static String componentsThatDiffer(Record expected, Record actual) {
            List<String> changed = new ArrayList<>();
            for (RecordComponent component : expected.getClass().getRecordComponents()) {
                try {
                    var accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    Object e = accessor.invoke(expected);
                    Object a = accessor.invoke(actual);
                    if (!Objects.equals(e, a)) {
                        changed.add(component.getName() + ": expected " + e + " but was " + a);
                    }
                } catch (ReflectiveOperationException x) {
                    throw new IllegalStateException(x);
                }
            }
            return String.join("; ", changed);
        }
    }

    /** Document bytes, compared by content. */
    record Content(byte[] bytes) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Content c && Arrays.equals(bytes, c.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return bytes.length + " bytes " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 8)) + "…";
        }
    }

    private static void compare(String table, SortedMap<?, ?> expected, SortedMap<?, ?> actual, List<Difference> into) {
        for (var row : expected.entrySet()) {
            Object other = actual.get(row.getKey());
            if (!Objects.equals(row.getValue(), other)) {
                into.add(new Difference(table, row.getKey(), row.getValue(), other));
            }
        }
        for (var row : actual.entrySet()) {
            if (!expected.containsKey(row.getKey())) {
                into.add(new Difference(table, row.getKey(), null, row.getValue()));
            }
        }
    }

    /** Rows as multisets: what is missing, what is extra; the same rows in another order is one difference. */
    private static void compare(String table, List<?> expected, List<?> actual, List<Difference> into) {
        if (expected.equals(actual)) {
            return;
        }
        List<Object> extra = new ArrayList<>(actual);
        List<Difference> found = new ArrayList<>();
        for (Object row : expected) {
            if (!extra.remove(row)) {
                found.add(new Difference(table, null, row, null));
            }
        }
        extra.forEach(row -> found.add(new Difference(table, null, null, row)));
        into.addAll(found.isEmpty() ? List.of(new Difference(table, null, expected, actual)) : found);
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            SortedMap<Object, Object> rows = new TreeMap<>(BY_TEXT);
            map.forEach((k, v) -> rows.put(k, v instanceof byte[] bytes ? new Content(bytes.clone()) : v));
            return rows;
        }
        if (value instanceof Collection<?> rows) {
            return List.copyOf(rows);
        }
        throw new IllegalArgumentException("not a table: " + value);
    }

    private Object table(String name) {
        Object rows = tables.get(name);
        if (rows == null) {
            throw new IllegalArgumentException("no table " + name + " in the store; there are " + tables.keySet());
        }
        return rows;
    }

    private static Object rewrite(Object node, UnaryOperator<Object> how) {
        if (node == null) {
            return null;
        }
        Object replaced = how.apply(node);
        if (replaced != node) {
            return replaced;
        }
        if (node instanceof SortedMap<?, ?> map) {
            SortedMap<Object, Object> rows = new TreeMap<>(BY_TEXT);
            map.forEach((k, v) -> rows.put(rewrite(k, how), rewrite(v, how)));
            return rows;
        }
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> rows = new LinkedHashMap<>();
            map.forEach((k, v) -> rows.put(rewrite(k, how), rewrite(v, how)));
            return rows;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(v -> rewrite(v, how)).toList();
        }
        if (node instanceof Record record) {
            return rebuilt(record, how);
        }
        return node;
    }

    private static Object rebuilt(Record record, UnaryOperator<Object> how) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                var accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                Object value = accessor.invoke(record);
                values[i] = rewrite(value, how);
                changed |= values[i] != value;
            }
            if (!changed) {
                return record;
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + record.getClass().getName(), e);
        }
    }
}
