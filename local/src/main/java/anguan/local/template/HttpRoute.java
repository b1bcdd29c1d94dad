package anguan.local.template;

import java.util.Optional;

/**
 * A route of the HTTP API, as an {@code HttpApi} event of a function declares it.
 *
 * @param method     upper-case HTTP method, or {@code ANY}
 * @param path       the path template, e.g. {@code /registry/persons/{idNo}}
 * @param function   logical id of the function that serves it
 * @param authorizer name of the JWT authorizer that guards it; empty for {@code Authorizer: NONE}
 */
public record HttpRoute(String method, String path, String function, String eventName, Optional<String> authorizer) {

    /** The route key API Gateway puts in events: {@code PUT /registry/persons/{idNo}}. */
    public String routeKey() {
        return method + " " + path;
    }
}
