package anguan.domain.signing;

import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import java.time.LocalDate;

/**
 * The enterprise's filters (申请事项企业确认 / 申请事项查询): status (null for every status the
 * enterprise can see), the applicant's name (part of it) and ID number, the type, and the day range
 * the person signed in (both ends included, Shanghai days).
 */
public record EnterpriseApplicationQuery(ApplicationStatus status, String name, String idNo, ApplicationType type,
                                         LocalDate from, LocalDate to, int page, int size) {
}
