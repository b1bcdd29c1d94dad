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
import java.util.regex.Pattern;

/**
 * Collects every problem of one incoming record so the sender sees them all in one answer
 * (422 with violations) and nothing is stored.
 */
final class FieldCheck {
    private static final Pattern MOBILE_SHAPE = Pattern.compile("1\\d{10}");
    /** Resident ID numbers of 18 characters and the old ones of 15 digits. */
    private static final Pattern ID_NUMBER_SHAPE = Pattern.compile("\\d{17}[\\dXx]|\\d{15}");
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
            add("INVALID_DATE", field, label + "格式应为yyyy-MM-dd的有效日期：" + shown(raw));
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
        add("INVALID_VALUE", field, label + "取值无效：" + shown(raw) + "（可选：" + String.join("、", values.stream().map(codeOf).toList()) + "）");
        return null;
    }

    void dateOrder(String field, LocalDate from, LocalDate to, String message) {
        if (from != null && to != null && from.isAfter(to)) {
            add("DATE_RANGE_INVALID", field, message);
        }
    }

    /**
     * A refused value as a message may echo it: masked where it has the shape of an ID number or a
     * mobile (a shifted column puts one into another field), since every response masks those.
     */
    static String shown(String raw) {
        String value = raw == null ? null : raw.strip();
        if (value != null && MOBILE_SHAPE.matcher(value).matches()) {
            return Masking.mobile(value);
        }
        if (value != null && ID_NUMBER_SHAPE.matcher(value).matches()) {
            return Masking.idNumber(value);
        }
        return raw;
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
