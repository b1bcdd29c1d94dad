package anguan.local.gateway;

/** Invokes a function of the template with an event as JSON, answering its result as JSON. */
@FunctionalInterface
public interface FunctionInvoker {
    /** @throws RuntimeException when the function failed (its cause is the handler's error) */
    String invoke(String functionLogicalId, String eventJson);
}
