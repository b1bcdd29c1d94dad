package anguan.domain.common;

/**
 * One failed check: a stable code for programs, the field it concerns (or null), and a Chinese
 * message the user can act on.
 */
public record Violation(String code, String field, String message) {
}
