package anguan.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves CloudFormation intrinsic functions ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub},
 * {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}) against the names the local cloud gave
 * the template's resources. Anything else the runner has no need for fails loudly instead of
 * passing a half-resolved value to a function.
 */
public final class Intrinsics {

    /** What {@code Ref} and {@code Fn::GetAtt} mean in one deployment (here: the local cloud). */
    public interface Names {
        /** The value of {@code !Ref logicalId}: a string, or a list for a CommaDelimitedList parameter. */
        Object ref(String logicalId);

        /** The value of {@code !GetAtt logicalId.attribute}. */
        String attribute(String logicalId, String attribute);
    }

    private final Names names;

    public Intrinsics(Names names) {
        this.names = names;
    }

    /** Resolves every intrinsic inside the value (maps and lists deeply). */
    public Object resolve(Object value) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map when isIntrinsic(map) -> call(map.keySet().iterator().next().toString(),
                    map.values().iterator().next());
            case Map<?, ?> map -> {
                Map<String, Object> resolved = new LinkedHashMap<>();
                map.forEach((k, v) -> resolved.put(k.toString(), resolve(v)));
                yield resolved;
            }
            case List<?> list -> list.stream().map(this::resolve).toList();
            default -> value;
        };
    }

    /** Resolves a value that must end up a single string (an environment variable, a name). */
    public String resolveString(Object value) {
        Object resolved = resolve(value);
        return switch (resolved) {
            case null -> null;
            case List<?> list -> String.join(",", list.stream().map(String::valueOf).toList());
            case Map<?, ?> map -> throw new IllegalArgumentException("expected a string, got a mapping " + map);
            default -> resolved.toString();
        };
    }

    private static boolean isIntrinsic(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        String key = map.keySet().iterator().next().toString();
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    private Object call(String function, Object argument) {
        return switch (function) {
            case "Ref" -> names.ref(resolveString(argument));
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> join(argument);
            case "Fn::Select" -> select(argument);
            case "Fn::Split" -> split(argument);
            default -> throw new IllegalArgumentException(function + " is not supported by the local runner");
        };
    }

    private String getAtt(Object argument) {
        if (argument instanceof String text) {
            int dot = text.indexOf('.');
            return names.attribute(text.substring(0, dot), text.substring(dot + 1));
        }
        List<?> parts = asList(argument, "Fn::GetAtt", 2);
        return names.attribute(resolveString(parts.get(0)), resolveString(parts.get(1)));
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = new LinkedHashMap<>();
        if (argument instanceof List<?> list) {
            List<?> parts = asList(list, "Fn::Sub", 2);
            text = (String) parts.get(0);
            if (parts.get(1) instanceof Map<?, ?> map) {
                map.forEach((k, v) -> variables.put(k.toString(), v));
            }
        } else {
            text = String.valueOf(argument);
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int start = text.indexOf("${", at);
            if (start < 0) {
                out.append(text, at, text.length());
                break;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed ${ in Fn::Sub: " + text);
            }
            out.append(text, at, start);
            String name = text.substring(start + 2, end);
            if (name.startsWith("!")) {
                // ${!Literal} is the escape for a literal ${Literal}.
                out.append("${").append(name.substring(1)).append('}');
            } else if (variables.containsKey(name)) {
                out.append(resolveString(variables.get(name)));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                out.append(names.attribute(name.substring(0, dot), name.substring(dot + 1)));
            } else {
                out.append(resolveString(names.ref(name)));
            }
            at = end + 1;
        }
        return out.toString();
    }

    private String join(Object argument) {
        List<?> parts = asList(argument, "Fn::Join", 2);
        String delimiter = resolveString(parts.get(0));
        List<String> values = new ArrayList<>();
        for (Object item : asList(resolve(parts.get(1)), "Fn::Join values", -1)) {
            values.add(resolveString(item));
        }
        return String.join(delimiter, values);
    }

    private Object select(Object argument) {
        List<?> parts = asList(argument, "Fn::Select", 2);
        int index = Integer.parseInt(resolveString(parts.get(0)));
        return asList(resolve(parts.get(1)), "Fn::Select values", -1).get(index);
    }

    private List<String> split(Object argument) {
        List<?> parts = asList(argument, "Fn::Split", 2);
        String delimiter = resolveString(parts.get(0));
        return List.of(resolveString(parts.get(1)).split(java.util.regex.Pattern.quote(delimiter), -1));
    }

    private static List<?> asList(Object value, String what, int size) {
        if (!(value instanceof List<?> list) || (size >= 0 && list.size() != size)) {
            throw new IllegalArgumentException(what + " expects a list" + (size >= 0 ? " of " + size : "") + ", got " + value);
        }
        return list;
    }
}
