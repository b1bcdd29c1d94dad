package anguan.aws.http;

import anguan.aws.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Responses: JSON in UTF-8, problem+json for errors, never a stack trace. */
public final class ApiResponse {
    private ApiResponse() {
    }

    public static APIGatewayV2HTTPResponse ok(Object body) {
        return json(200, body);
    }

    public static APIGatewayV2HTTPResponse created(Object body) {
        return json(201, body);
    }

    public static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of()).build();
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return write(status, "application/json; charset=utf-8", body);
    }

    static APIGatewayV2HTTPResponse problem(int status, Object body, Map<String, String> headers) {
        return write(status, "application/problem+json; charset=utf-8", body, headers);
    }

    private static APIGatewayV2HTTPResponse write(int status, String contentType, Object body) {
        return write(status, contentType, body, Map.of());
    }

    private static APIGatewayV2HTTPResponse write(int status, String contentType, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("content-type", contentType);
        headers.put("cache-control", "no-store");
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(headers)
                    .withBody(Json.MAPPER.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }
}
