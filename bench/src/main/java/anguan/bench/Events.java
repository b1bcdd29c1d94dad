package anguan.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.util.Map;
import java.util.UUID;

/** Payload-2.0 events as API Gateway sends them, built in memory for the in-process benchmark. */
final class Events {
    private Events() {
    }

    static APIGatewayV2HTTPEvent of(String method, String route, String path, Map<String, String> pathParameters,
                                    Map<String, String> query, String body, Map<String, String> claims) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + route)
                .withRawPath(path)
                .withPathParameters(pathParameters)
                .withQueryStringParameters(query)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withHeaders(Map.of("content-type", "application/json"))
                .withRequestContext(RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withRouteKey(method + " " + route)
                        .withStage("$default")
                        .withHttp(RequestContext.Http.builder().withMethod(method).withPath(path).build())
                        .withAuthorizer(RequestContext.Authorizer.builder()
                                .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                                .build())
                        .build())
                .build();
    }
}
