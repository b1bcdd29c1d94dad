package anguan.local.template;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML. The short tags ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...})
 * become their long JSON forms ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}), exactly as
 * CloudFormation itself expands them, so {@link Intrinsics} has only one form to resolve.
 */
final class CloudFormationYaml {
    private static final List<String> FUNCTIONS = List.of(
            "Base64", "Cidr", "Equals", "FindInMap", "GetAtt", "GetAZs", "If", "ImportValue", "Join",
            "Not", "And", "Or", "Select", "Split", "Sub", "Transform", "ToJsonString", "Length");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document = new Yaml(new Constructor(options)).load(text);
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a template is a YAML mapping");
        }
        return (Map<String, Object>) map;
    }

    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object argument = switch (node) {
                    case ScalarNode scalar when key.equals("Fn::GetAtt") -> getAttShortForm(constructScalar(scalar));
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("unexpected YAML node for " + key + ": " + node);
                };
                return Map.of(key, argument);
            }

            /** {@code !GetAtt Resource.Attribute}: the attribute may itself contain dots. */
            private static List<String> getAttShortForm(String value) {
                int dot = value.indexOf('.');
                if (dot < 1) {
                    throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got " + value);
                }
                return List.of(value.substring(0, dot), value.substring(dot + 1));
            }
        }
    }
}
