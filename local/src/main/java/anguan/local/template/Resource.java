package anguan.local.template;

import java.util.Map;

/** One entry under {@code Resources:} of the template, properties unresolved. */
public record Resource(String logicalId, String type, Map<String, Object> properties) {

    public Resource {
        properties = properties == null ? Map.of() : properties;
    }

    /** A property as it stands in the template (may still contain intrinsics). */
    public Object property(String name) {
        return properties.get(name);
    }

    /** A nested property, e.g. {@code path("RedrivePolicy", "deadLetterTargetArn")}. */
    public Object path(String... names) {
        Object value = properties;
        for (String name : names) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(name);
        }
        return value;
    }
}
