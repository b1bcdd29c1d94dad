package anguan.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with the template's {@code Globals.Function} applied.
 *
 * @param codeUri     the deployment zip, relative to the project root
 * @param handler     {@code package.Class::method}
 * @param environment variables (Globals merged with the function's own), values unresolved
 */
public record FunctionDefinition(
        String logicalId,
        String codeUri,
        String handler,
        String runtime,
        int timeoutSeconds,
        int memorySizeMb,
        Map<String, Object> environment,
        List<EventSource> events) {

    /** The class part of {@link #handler()}. */
    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }
}
