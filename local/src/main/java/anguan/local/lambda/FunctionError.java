package anguan.local.lambda;

/** A handler threw: on Lambda an invocation error, through API Gateway a 5xx. */
public final class FunctionError extends RuntimeException {
    private final String function;
    private final String requestId;

    FunctionError(String function, String requestId, Throwable cause) {
        super(function + " failed (request " + requestId + "): " + cause, cause);
        this.function = function;
        this.requestId = requestId;
    }

    public String function() {
        return function;
    }

    public String requestId() {
        return requestId;
    }
}
