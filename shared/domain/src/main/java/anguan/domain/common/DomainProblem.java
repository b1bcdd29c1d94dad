package anguan.domain.common;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A use case that cannot go on, said in the domain's words. Adapters map the kind to HTTP
 * (problem+json); the domain knows nothing of HTTP. Two refusals tell the user when or how often
 * they may try again: {@link #tooManyRequests} (retry after) and {@link #wrongAttempt} (attempts left).
 */
public final class DomainProblem extends RuntimeException {

    /** What sort of refusal this is. */
    public enum Kind { BAD_REQUEST, NOT_FOUND, FORBIDDEN, INVALID_STATE, CONCURRENT_UPDATE, VALIDATION_FAILED, TOO_MANY_REQUESTS }

    private final Kind kind;
    private final String code;
    private final List<Violation> violations;
    private final Duration retryAfter;
    private final Integer attemptsLeft;

    public DomainProblem(Kind kind, String code, String message, List<Violation> violations) {
        this(kind, code, message, violations, null, null);
    }

    private DomainProblem(Kind kind, String code, String message, List<Violation> violations, Duration retryAfter,
                          Integer attemptsLeft) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
        this.attemptsLeft = attemptsLeft;
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

    /** 422 with a single code of its own instead of violations, e.g. {@code SMS_CODE_EXPIRED}. */
    public static DomainProblem refused(String code, String message) {
        return new DomainProblem(Kind.VALIDATION_FAILED, Objects.requireNonNull(code), message, List.of());
    }

    /**
     * 422 for a wrong secret ({@code SMS_CODE_INVALID}, {@code SIGNING_PASSWORD_INVALID}) with the
     * tries left before the code is void or signing is locked, so the user knows what is at stake.
     */
    public static DomainProblem wrongAttempt(String code, String message, int attemptsLeft) {
        if (attemptsLeft < 0) {
            throw new IllegalArgumentException("attempts left cannot be negative: " + attemptsLeft);
        }
        return new DomainProblem(Kind.VALIDATION_FAILED, Objects.requireNonNull(code), message, List.of(), null, attemptsLeft);
    }

    /**
     * 429, too early or too often ({@code TOO_MANY_REQUESTS}): an SMS code asked for again inside 90
     * seconds, signing locked after wrong passwords. {@code retryAfter} is how long until a retry can succeed.
     */
    public static DomainProblem tooManyRequests(String code, String message, Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retry after must be zero or more: " + retryAfter);
        }
        return new DomainProblem(Kind.TOO_MANY_REQUESTS, Objects.requireNonNull(code), message, List.of(), retryAfter, null);
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

    /** How long the user should wait before trying again; present on {@link #tooManyRequests}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** How many more tries the user has; present on {@link #wrongAttempt}. */
    public OptionalInt attemptsLeft() {
        return attemptsLeft == null ? OptionalInt.empty() : OptionalInt.of(attemptsLeft);
    }
}
