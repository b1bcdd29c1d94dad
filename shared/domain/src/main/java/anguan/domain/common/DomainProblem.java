package anguan.domain.common;

import java.util.List;

/**
 * A use case that cannot go on, said in the domain's words. Adapters map the kind to HTTP
 * (problem+json); the domain knows nothing of HTTP.
 */
public final class DomainProblem extends RuntimeException {

    /** What sort of refusal this is. */
    public enum Kind { BAD_REQUEST, NOT_FOUND, FORBIDDEN, INVALID_STATE, CONCURRENT_UPDATE, VALIDATION_FAILED, TOO_MANY_REQUESTS }

    private final Kind kind;
    private final String code;
    private final List<Violation> violations;

    public DomainProblem(Kind kind, String code, String message, List<Violation> violations) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static DomainProblem notFound(String message) {
        return new DomainProblem(Kind.NOT_FOUND, "NOT_FOUND", message, List.of());
    }

    public static DomainProblem badRequest(String message) {
        return new DomainProblem(Kind.BAD_REQUEST, "BAD_REQUEST", message, List.of());
    }

    public static DomainProblem invalidState(String message) {
        return new DomainProblem(Kind.INVALID_STATE, "INVALID_STATE", message, List.of());
    }

    public static DomainProblem concurrentUpdate() {
        return new DomainProblem(Kind.CONCURRENT_UPDATE, "CONCURRENT_UPDATE", "数据已被修改，请刷新后重试", List.of());
    }

    /** 422 with every violation found, so the user can fix them all at once. */
    public static DomainProblem validationFailed(String title, List<Violation> violations) {
        return new DomainProblem(Kind.VALIDATION_FAILED, "VALIDATION_FAILED", title, violations);
    }

    public static DomainProblem validationFailed(List<Violation> violations) {
        return validationFailed("申请校验未通过", violations);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }
}
