package anguan.local.gateway;

/** A route the runner answers itself under /dev (never deployed, never in template.yaml). */
@FunctionalInterface
public interface DevRoute {
    GatewayResponse handle(GatewayRequest request) throws Exception;
}
