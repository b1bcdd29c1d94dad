package anguan.local.template;

import java.util.Map;

/** One entry under a function's {@code Events:} ({@code HttpApi}, {@code SQS}, {@code Schedule}, ...). */
public record EventSource(String name, String type, Map<String, Object> properties) {

    public EventSource {
        properties = properties == null ? Map.of() : properties;
    }
}
