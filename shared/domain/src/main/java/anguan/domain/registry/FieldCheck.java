package anguan.domain.registry;

import anguan.domain.common.DomainProblem;
import anguan.domain.common.Masking;
import anguan.domain.common.Violation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Collects every problem of one incoming record so the sender sees them all in one answer
 * (422 with violations) and nothing is stored.
 */
final class FieldCheck {
    private final List<Violation> violations = new ArrayList<>();

    void add(String code, String field, String message) {
        violations.add(new Violation(code, field, message));
    }

    boolean present(String raw) {
        return raw != null && !raw.isBlank();
    }

    /** A value that must be there when nothing is stored yet (unless the field is already reported as wrong). */
    void require(String field, Object value, String label) {
        boolean reported = violations.stream().anyMatch(v -> field.equals(v.field()));
        if (!reported && (value == null || value instanceof String s && s.isBlank())) {
            add("REQUIRED", field, label + "不能为空");
        }
    }

    LocalDate date(String field, String raw, String label) {
        if (!present(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            add("INVALID_DATE", field, label + "格式应为yyyy-MM-dd的有效日期：" + Masking.echoed(raw));
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(String field, String raw, Class<E> type, String label) {
        return code(field, raw, label, Arrays.asList(type.getEnumConstants()), Enum::name);
    }

    <T> T code(String field, String raw, String label, List<T> values, Function<T, String> codeOf) {
        if (!present(raw)) {
            return null;
        }
        for (T value : values) {
            if (codeOf.apply(value).equals(raw.strip())) {
                return value;
            }
        }
        add("INVALID_VALUE", field, label + "取值无效：" + Masking.echoed(raw) + "（可选：" + String.join("、", values.stream().map(codeOf).toList()) + "）");
        return null;
    }

    void dateOrder(String field, LocalDate from, LocalDate to, String message) {
        if (from != null && to != null && from.isAfter(to)) {
            add("DATE_RANGE_INVALID", field, message);
        }
    }

    boolean isEmpty() {
        return violations.isEmpty();
    }

    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw DomainProblem.validationFailed("登记信息校验未通过", violations);
        }
    }
}
