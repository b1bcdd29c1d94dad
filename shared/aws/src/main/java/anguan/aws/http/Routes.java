package anguan.aws.http;

import anguan.aws.log.Log;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Masking;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's route table: route key ("PUT /registry/persons/{idNo}") → the role allowed and the
 * action. Reads like the function's table of contents; maps every outcome to a response.
 */
public final class Routes {

    /** One route's action. */
    @FunctionalInterface
    public interface Action {
        APIGatewayV2HTTPResponse handle(ApiRequest request);
    }

    /** @param role the caller's role the route needs; null for a public route, which anyone may call */
    private record Route(String role, Action action) {
    }

    private final Map<String, Route> routes = new LinkedHashMap<>();

    public Routes on(String routeKey, String role, Action action) {
        routes.put(routeKey, new Route(role, action));
        return this;
    }

    /**
     * A route without authorizer ({@code Auth: {Authorizer: NONE}} in template.yaml, e.g. the public
     * certificate verification): API Gateway passes no claims, so there is no role to check.
     */
    public Routes onPublic(String routeKey, Action action) {
        routes.put(routeKey, new Route(null, action));
        return this;
    }

    public APIGatewayV2HTTPResponse dispatch(APIGatewayV2HTTPEvent event) {
        ApiRequest request = new ApiRequest(event);
        String routeKey = request.routeKey();
        try {
            Route route = routes.get(routeKey);
            if (route == null) {
                throw DomainProblem.notFound("未知的接口：" + Masking.echoed(routeKey));
            }
            if (route.role() != null && !request.caller().is(route.role())) {
                throw new DomainProblem(DomainProblem.Kind.FORBIDDEN, "FORBIDDEN", "当前登录身份无权使用此功能", List.of());
            }
            return route.action().handle(request);
        } catch (DomainProblem p) {
            return Problems.of(p);
        } catch (RuntimeException e) {
            Log.error("unhandled error", Map.of("route", routeKey, "requestId", String.valueOf(request.requestId())), e);
            return Problems.internalError(request.requestId());
        }
    }
}
