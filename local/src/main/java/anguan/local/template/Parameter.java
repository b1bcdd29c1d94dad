package anguan.local.template;

import java.util.Optional;

/** A template parameter: its CloudFormation type ({@code String}, {@code CommaDelimitedList}, ...) and default. */
public record Parameter(String name, String type, Optional<String> defaultValue) {

    public boolean isList() {
        return "CommaDelimitedList".equals(type) || type.startsWith("List<");
    }
}
