package anguan.aws.http;

import java.util.Map;

/**
 * Who is calling, from the JWT claims API Gateway's authorizer already checked: {@code role}
 * (person, enterprise, reviewer, system), {@code idNo} (person), {@code uscc} (enterprise), {@code sub}, {@code name}.
 */
public record Caller(String role, String idNo, String uscc, String sub, String name) {

    static Caller of(Map<String, String> claims) {
        Map<String, String> c = claims == null ? Map.of() : claims;
        return new Caller(c.get("role"), c.get("idNo"), c.get("uscc"), c.get("sub"), c.get("name"));
    }

    public boolean is(String expectedRole) {
        return expectedRole.equals(role);
    }
}
