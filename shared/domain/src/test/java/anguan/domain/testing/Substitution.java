package anguan.domain.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * One typo: the character at {@code position} (0-based) of {@code original} replaced by
 * {@code replacement}, giving {@code text}.
 */
public record Substitution(String original, int position, char replacement, String text) {

    /** Every position of {@code original} replaced by every other character of {@code alphabet}. */
    public static List<Substitution> allOf(String original, String alphabet) {
        List<Substitution> all = new ArrayList<>();
        for (int i = 0; i < original.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != original.charAt(i)) {
                    all.add(new Substitution(original, i, c, original.substring(0, i) + c + original.substring(i + 1)));
                }
            }
        }
        return all;
    }

    public char replaced() {
        return original.charAt(position);
    }

    @Override
    public String toString() {
        return text + " (position " + (position + 1) + ": " + replaced() + " → " + replacement + ")";
    }
}
