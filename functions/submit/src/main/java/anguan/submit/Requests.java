package anguan.submit;

import anguan.aws.http.ApiRequest;
import anguan.domain.application.ApplicationChanges;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.CancelReason;
import anguan.domain.application.NewApplication;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Masking;
import java.util.Arrays;

/** Request bodies as sent, and their translation: an unknown code is a malformed request (400). */
final class Requests {
    private Requests() {
    }

    /** 签名上报's body is optional; with it, the version the person saw. */
    record Submit(Long version) {
    }

    record Create(String type, String category, String position, String certificateNo, String originalCertificateNo,
                  String uscc) {
    }

    record Save(String enterprisePhone, Boolean consent, String position, String cancelReason, String cancelReasonText,
                String uscc, Long version) {
    }

    /** The version named by an optional submit body, null without one. */
    static Long submittedVersion(ApiRequest r, int maxBytes) {
        String body = r.rawBody();
        return body == null || body.isBlank() ? null : r.body(Submit.class, maxBytes).version();
    }

    static NewApplication newApplication(Create c) {
        return new NewApplication(enumOf(ApplicationType.class, "type", c.type()), enumOf(Category.class, "category", c.category()),
                position(c.position()), c.certificateNo(), c.originalCertificateNo(), c.uscc());
    }

    static ApplicationChanges changes(Save s) {
        return new ApplicationChanges(s.enterprisePhone(), s.consent(), position(s.position()),
                enumOf(CancelReason.class, "cancelReason", s.cancelReason()), s.cancelReasonText(), s.uscc(), s.version());
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw DomainProblem.badRequest("字段" + field + "的取值无效：" + Masking.echoed(raw) + "（可选："
                    + String.join("、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + "）");
        }
    }

    static Position position(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Position.ofCode(raw.strip()).orElseThrow(() -> DomainProblem.badRequest("字段position的取值无效：" + Masking.echoed(raw)
                + "（应为职务代码01-08）"));
    }
}
