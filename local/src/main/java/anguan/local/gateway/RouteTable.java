package anguan.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * HTTP API route selection: method plus path template ({@code /applications/{no}/submit}), the most
 * specific template winning (a literal segment beats a {@code {param}}, which beats a greedy
 * {@code {proxy+}}), {@code ANY} matching every method and {@code $default} catching the rest.
 * Unlike API Gateway (which answers 404 both times) a known path with the wrong method is told apart.
 *
 * @param <T> what a route leads to (a function's route, a /dev handler)
 */
public final class RouteTable<T> {
    private static final String DEFAULT_ROUTE = "$default";

    private final List<Entry<T>> entries = new ArrayList<>();
    private Entry<T> defaultRoute;

    public RouteTable<T> add(String method, String pathTemplate, T target) {
        Entry<T> entry = new Entry<>(method.toUpperCase(Locale.ROOT), pathTemplate, segments(pathTemplate), target);
        if (pathTemplate.equals(DEFAULT_ROUTE)) {
            defaultRoute = entry;
        } else {
            entries.add(entry);
        }
        return this;
    }

    /** What a request selects. */
    public sealed interface Match<T> {
    }

    public record Found<T>(T target, Map<String, String> pathParameters) implements Match<T> {
    }

    public record WrongMethod<T>(Set<String> allowed) implements Match<T> {
    }

    public record NotFound<T>() implements Match<T> {
    }

    /** @param rawPath the path as sent (percent-encoded); parameters come out decoded */
    public Match<T> match(String method, String rawPath) {
        List<String> path = decodedSegments(rawPath);
        if (path == null) {
            return new NotFound<>();
        }
        Entry<T> best = null;
        Map<String, String> bestParameters = null;
        Set<String> allowed = new TreeSet<>();
        for (Entry<T> entry : entries) {
            Map<String, String> parameters = entry.bind(path);
            if (parameters == null) {
                continue;
            }
            allowed.add(entry.method);
            if ((entry.method.equals(method) || entry.method.equals("ANY"))
                    && (best == null || entry.compareSpecificity(best) < 0)) {
                best = entry;
                bestParameters = parameters;
            }
        }
        if (best != null) {
            return new Found<>(best.target, bestParameters);
        }
        if (defaultRoute != null && (defaultRoute.method.equals("ANY") || defaultRoute.method.equals(method))) {
            return new Found<>(defaultRoute.target, Map.of());
        }
        return allowed.isEmpty() ? new NotFound<>() : new WrongMethod<>(allowed);
    }

    /** Path segments, each percent-decoded as UTF-8; null for a path no route can match. */
    static List<String> decodedSegments(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return null;
        }
        try {
            return Arrays.stream(rawPath.substring(1).split("/", -1))
                    // In a path '+' is a plus sign; only the query string uses it for a space.
                    .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                    .toList();
        } catch (IllegalArgumentException malformedEscape) {
            return null;
        }
    }

    private static List<Segment> segments(String template) {
        if (template.equals(DEFAULT_ROUTE)) {
            return List.of();
        }
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/': " + template);
        }
        List<Segment> segments = new ArrayList<>();
        String[] parts = template.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i != parts.length - 1) {
                    throw new IllegalArgumentException("a greedy {name+} must be the last segment: " + template);
                }
                segments.add(new Segment(Kind.GREEDY, part.substring(1, part.length() - 2)));
            } else if (part.startsWith("{") && part.endsWith("}")) {
                segments.add(new Segment(Kind.PARAMETER, part.substring(1, part.length() - 1)));
            } else {
                segments.add(new Segment(Kind.LITERAL, part));
            }
        }
        return segments;
    }

    /** In order of specificity. */
    private enum Kind { LITERAL, PARAMETER, GREEDY }

    private record Segment(Kind kind, String text) {
    }

    private record Entry<T>(String method, String template, List<Segment> segments, T target) {

        /** The path parameters when the path fits this template, else null. */
        Map<String, String> bind(List<String> path) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                Segment segment = segments.get(i);
                if (segment.kind == Kind.GREEDY) {
                    if (i >= path.size() || path.get(i).isEmpty()) {
                        return null;
                    }
                    parameters.put(segment.text, String.join("/", path.subList(i, path.size())));
                    return parameters;
                }
                if (i >= path.size()) {
                    return null;
                }
                String value = path.get(i);
                switch (segment.kind) {
                    case LITERAL -> {
                        if (!segment.text.equals(value)) {
                            return null;
                        }
                    }
                    case PARAMETER -> {
                        if (value.isEmpty()) {
                            return null;
                        }
                        parameters.put(segment.text, value);
                    }
                    default -> throw new IllegalStateException();
                }
            }
            return path.size() == segments.size() ? parameters : null;
        }

        /** Negative when this entry is more specific: earliest differing segment decides, then the exact method. */
        int compareSpecificity(Entry<T> other) {
            int common = Math.min(segments.size(), other.segments.size());
            for (int i = 0; i < common; i++) {
                int byKind = segments.get(i).kind.compareTo(other.segments.get(i).kind);
                if (byKind != 0) {
                    return byKind;
                }
            }
            return Comparator.<Entry<T>, Boolean>comparing(e -> e.method.equals("ANY")).compare(this, other);
        }
    }

    /** Every route's method and path template, for listings. */
    public List<String> routeKeys() {
        List<String> keys = new ArrayList<>();
        entries.forEach(e -> keys.add(e.method + " " + e.template));
        Optional.ofNullable(defaultRoute).ifPresent(e -> keys.add(e.template));
        return keys;
    }
}
