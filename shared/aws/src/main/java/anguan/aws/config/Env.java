package anguan.aws.config;

import java.util.Map;
import java.util.Optional;

/**
 * The function's environment. On Lambda these are the process's environment variables. The local
 * runner runs several functions in one JVM, each in its own class loader (so each has its own copy
 * of this class): before it builds a handler it hands that function's variables to {@link #use}.
 */
public final class Env {
    private static volatile Map<String, String> overrides = Map.of();

    private Env() {
    }

    /** Local runner and tests only: the variables this class loader's function sees first. */
    public static void use(Map<String, String> variables) {
        overrides = Map.copyOf(variables);
    }

    public static Optional<String> find(String name) {
        String value = overrides.get(name);
        if (value == null) {
            value = System.getenv(name);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public static String require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("environment variable " + name + " is not set"));
    }

    public static String get(String name, String fallback) {
        return find(name).orElse(fallback);
    }
}
