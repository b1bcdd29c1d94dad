package anguan.aws.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** What the functions' handler tests read in an answer: its JSON, and a refusal as API.md shows it. */
public final class HandlerResponses {
    private HandlerResponses() {
    }

    /** A refusal: the status, problem+json, and (when given) the code. */
    public static void assertProblem(APIGatewayV2HTTPResponse response, int status, String code) throws IOException {
        assertEquals(status, response.getStatusCode(), response.getBody());
        assertTrue(response.getHeaders().get("content-type").startsWith("application/problem+json"), response.getHeaders().toString());
        if (code != null) {
            assertEquals(code, json(response).get("code").asText(), response.getBody());
        }
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) throws IOException {
        return Json.MAPPER.readTree(response.getBody());
    }
}
