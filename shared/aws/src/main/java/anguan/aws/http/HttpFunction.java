package anguan.aws.http;

import anguan.aws.json.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An HTTP API function: reads the payload-2.0 event and writes the response with the function's
 * own Jackson. A stream handler, because Lambda's POJO serialisation would start a second, shaded
 * Jackson on every cold start (about 0.4 s measured, see bench/); the event classes stay the
 * vocabulary, so tests drive {@link #handle} with events loaded by aws-lambda-java-tests.
 */
public abstract class HttpFunction implements RequestStreamHandler {
    private static final ObjectReader EVENT = Json.MAPPER.readerFor(APIGatewayV2HTTPEvent.class);
    private static final ObjectWriter RESPONSE = Json.MAPPER.writerFor(APIGatewayV2HTTPResponse.class);

    private final Routes routes;

    protected HttpFunction(Routes routes) {
        this.routes = routes;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RESPONSE.writeValue(output, handle(EVENT.readValue(input)));
    }

    /** One request: the route's action, or problem+json. */
    public final APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return routes.dispatch(event);
    }
}
