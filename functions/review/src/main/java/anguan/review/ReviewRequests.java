package anguan.review;

import anguan.aws.http.ApiRequest;
import anguan.domain.application.ApplicationQuery;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.DecisionResult;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Masking;
import anguan.domain.person.IdNumber;
import anguan.domain.review.ReviewQuery;
import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * The reviewers' requests as sent, and their translation; anything malformed (an unknown code, a
 * date that is not {@code yyyy-MM-dd}) is a 400 that names the field and the values it takes.
 */
final class ReviewRequests {
    private ReviewRequests() {
    }

    /**
     * POST …/decision: {@code decision} APPROVE or REJECT, the 审批意见, and optionally the
     * {@code version} the reviewer looked at (a decision on a changed application is then a 409).
     */
    record Decision(String decision, String opinion, Long version) {
    }

    static ReviewQuery query(ApiRequest r) {
        // a from after the to, or a range too wide, is the domain's to refuse (422, ReviewWindow)
        LocalDate from = r.dateQuery("from").orElse(null);
        LocalDate to = r.dateQuery("to").orElse(null);
        return new ReviewQuery(r.query("status").map(s -> code(ApplicationStatus.class, "status", s)).orElse(null),
                r.query("type").map(t -> code(ApplicationType.class, "type", t)).orElse(null),
                r.query("name").map(String::strip).filter(n -> !n.isEmpty()).orElse(null),
                r.query("idNo").map(IdNumber::normalize).orElse(null), from, to,
                r.intQuery("page", 1, 1, 100_000), r.intQuery("size", 10, 1, ApplicationQuery.MAX_SIZE));
    }

    /** Absent: the domain asks for it (422 DECISION_REQUIRED); present but unknown: a 400 naming the two. */
    static DecisionResult.Outcome outcome(String raw) {
        return raw == null || raw.isBlank() ? null : code(DecisionResult.Outcome.class, "decision", raw);
    }

    private static <E extends Enum<E>> E code(Class<E> type, String field, String raw) {
        return Stream.of(type.getEnumConstants()).filter(c -> c.name().equals(raw.strip())).findFirst()
                .orElseThrow(() -> DomainProblem.badRequest("参数" + field + "的取值无效：" + Masking.echoed(raw) + "（可选："
                        + String.join("、", Stream.of(type.getEnumConstants()).map(Enum::name).toList()) + "）"));
    }
}
