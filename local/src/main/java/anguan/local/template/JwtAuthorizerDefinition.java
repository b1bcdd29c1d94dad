package anguan.local.template;

/**
 * An HttpApi JWT authorizer: issuer and audience as written in the template (usually {@code !Ref}s
 * to parameters, resolved by the caller).
 */
public record JwtAuthorizerDefinition(String name, Object issuer, Object audience) {
}
