package anguan.domain.review;

import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import java.time.LocalDate;

/**
 * The reviewers' filters (审批): the status (UNDER_REVIEW, the queue, unless another is asked for),
 * the type, the Shanghai days it entered that status in (受理 for the queue, the decision for
 * APPROVED and REJECTED; both ends included; see ReviewWindow for the defaults and the limit), the
 * applicant's name (part of it) and ID number (whole), and the page (counting from 1).
 */
public record ReviewQuery(ApplicationStatus status, ApplicationType type, String name, String idNo,
                          LocalDate from, LocalDate to, int page, int size) {
    public ReviewQuery {
        if (status == null) {
            status = ApplicationStatus.UNDER_REVIEW;
        }
    }
}
