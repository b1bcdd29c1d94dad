package anguan.aws.http;

import anguan.domain.enterprise.Uscc;
import anguan.domain.person.IdNumber;
import java.util.Map;

/**
 * Who is calling, from the JWT claims API Gateway's authorizer already checked: {@code role}
 * (person, enterprise, reviewer, system), {@code idNo} (person), {@code uscc} (enterprise), {@code sub}, {@code name}.
 * The identifiers are read in the form the registries store them: an SSO that writes the check
 * character as {@code x}, or a USCC in lowercase, still finds the person's and enterprise's records.
 */
public record Caller(String role, String idNo, String uscc, String sub, String name) {

    static Caller of(Map<String, String> claims) {
        Map<String, String> c = claims == null ? Map.of() : claims;
        return new Caller(c.get("role"), IdNumber.normalize(c.get("idNo")), Uscc.normalize(c.get("uscc")), c.get("sub"), c.get("name"));
    }

    public boolean is(String expectedRole) {
        return expectedRole.equals(role);
    }
}
