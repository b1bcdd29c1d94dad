package anguan.domain.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * A difference a retry may legitimately make to the state of a clean run, and how to take it out:
 * {@code adjust} returns the actual (retried) snapshot with that difference mapped onto the
 * expected (clean) one, so that whatever is left is a real defect. Say in {@code why} why the
 * difference is harmless; an allowance that hides a loss is a bug in the suite.
 */
public record Allowance(String why, BinaryOperator<Snapshot> adjust) {

    /**
     * A crash after a counter increment consumes a number: a counter (application numbers per day,
     * certificate serials) may stand higher after a retry, leaving a gap. DESIGN.md accepts the gap:
     * there are no transactions to hand the number back.
     */
    public static Allowance countersMayRunAhead(String table) {
        return new Allowance("a consumed number leaves a gap in " + table, (expected, actual) -> {
            Map<Object, Object> counters = new HashMap<>(actual.keyed(table));
            expected.keyed(table).forEach((name, value) -> {
                if (counters.get(name) instanceof Long ahead && value instanceof Long clean && ahead >= clean) {
                    counters.put(name, clean);
                }
            });
            return actual.with(table, counters);
        });
    }

    /**
     * The rows of {@code table} are keyed by numbers from a counter; with a gap, the retried run's
     * rows carry later numbers. Rows are matched by rank (the smallest retried key is the smallest
     * clean key, and so on) and every occurrence of a matched key, in any table, is rewritten to
     * the clean one, also inside other strings (a document key naming its application). Rows beyond the clean run's count keep their numbers and show as extra.
     */
    public static Allowance keysMayBeLaterNumbers(String table) {
        return new Allowance("a consumed number shifts the keys of " + table, (expected, actual) -> {
            List<Object> clean = new ArrayList<>(expected.keyed(table).keySet());
            List<Object> retried = new ArrayList<>(actual.keyed(table).keySet());
            Map<Object, Object> renumber = new HashMap<>();
            for (int i = 0; i < Math.min(clean.size(), retried.size()); i++) {
                renumber.put(retried.get(i), clean.get(i));
            }
            // A number also stands inside other values (a document's key names its application).
            return actual.rewrite(node -> {
                if (renumber.containsKey(node)) {
                    return renumber.get(node);
                }
                if (node instanceof String text) {
                    String rewritten = text;
                    for (Map.Entry<Object, Object> e : renumber.entrySet()) {
                        if (e.getKey() instanceof String later && e.getValue() instanceof String earlier) {
                            rewritten = rewritten.replace(later, earlier);
                        }
                    }
                    return rewritten;
                }
                return node;
            });
        });
    }
}
