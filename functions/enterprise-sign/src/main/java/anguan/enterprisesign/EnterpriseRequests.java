package anguan.enterprisesign;

import anguan.aws.http.ApiRequest;
import anguan.domain.application.ApplicationQuery;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Masking;
import anguan.domain.person.IdNumber;
import anguan.domain.signing.EnterpriseApplicationQuery;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The enterprise's requests as sent, and their translation; anything malformed (an unknown code, a
 * date that is not {@code yyyy-MM-dd}, bytes that are not base64) is a 400 that names the field.
 * The 签章密码 is never echoed, logged or shown by {@code toString}.
 */
final class EnterpriseRequests {
    /** {@code status=ALL}: every status (申请事项查询) instead of the default AWAITING_ENTERPRISE (申请事项企业确认). */
    static final String EVERY_STATUS = "ALL";

    private EnterpriseRequests() {
    }

    /** POST …/signature. */
    record SignWithPassword(Boolean consent, String signingPassword) {
        @Override
        public String toString() {
            return "SignWithPassword[consent=" + consent + ", signingPassword=******]";
        }
    }

    /** POST …/signature/prepare: the token's certificate, base64 DER X.509. */
    record Prepare(Boolean consent, String certificate) {
    }

    /** POST …/signature/complete: the token's CMS SignedData, base64 DER. */
    record Complete(String signingId, String cms) {
    }

    static EnterpriseApplicationQuery query(ApiRequest r) {
        LocalDate from = r.dateQuery("from").orElse(null);
        LocalDate to = r.dateQuery("to").orElse(null);
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainProblem.badRequest("参数from（" + from + "）不能晚于to（" + to + "）");
        }
        return new EnterpriseApplicationQuery(status(r), r.query("name").map(String::strip).orElse(null),
                r.query("idNo").map(IdNumber::normalize).orElse(null), r.query("type").map(t -> code(ApplicationType.class, "type", t)).orElse(null),
                from, to, r.intQuery("page", 1, 1, 100_000), r.intQuery("size", 10, 1, ApplicationQuery.MAX_SIZE));
    }

    /** Without a status the enterprise sees what waits for its signature; {@code ALL} lifts the filter. */
    private static ApplicationStatus status(ApiRequest r) {
        Optional<String> raw = r.query("status").map(String::strip);
        if (raw.isEmpty()) {
            return ApplicationStatus.AWAITING_ENTERPRISE;
        }
        return raw.get().equals(EVERY_STATUS) ? null : code(ApplicationStatus.class, "status", raw.get());
    }

    private static <E extends Enum<E>> E code(Class<E> type, String field, String raw) {
        return Stream.of(type.getEnumConstants()).filter(c -> c.name().equals(raw.strip())).findFirst()
                .orElseThrow(() -> DomainProblem.badRequest("参数" + field + "的取值无效：" + Masking.echoed(raw) + "（可选："
                        + String.join("、", Stream.of(type.getEnumConstants()).map(Enum::name).toList())
                        + (type == ApplicationStatus.class ? "、" + EVERY_STATUS : "") + "）"));
    }

    /** Required base64 bytes; the value itself is not echoed (it is a certificate or a signature, never useful in an error). */
    static byte[] base64(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainProblem.badRequest("缺少字段" + field);
        }
        try {
            // Line breaks and spaces (PEM-style wrapping) are allowed; any other character is not base64.
            return Base64.getDecoder().decode(value.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw DomainProblem.badRequest("字段" + field + "不是有效的base64编码");
        }
    }
}
