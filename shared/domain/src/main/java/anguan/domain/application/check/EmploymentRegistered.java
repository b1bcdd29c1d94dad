package anguan.domain.application.check;

import anguan.domain.application.ApplicationEnterprise;
import anguan.domain.common.Violation;
import anguan.domain.person.Employment;
import java.util.List;

/**
 * 聘用登记: the applicant is currently employed, according to the employment registration, by the
 * enterprise that will confirm and sign the application (考核发证, 证书延期, 省内变更受聘企业, 进沪换证).
 */
public final class EmploymentRegistered implements SubmitCheck {
    private static final String FIELD = "uscc";

    @Override
    public List<Violation> check(SubmitContext context) {
        List<Employment> current = SubmitFacts.currentEmployments(context);
        ApplicationEnterprise enterprise = context.application().enterprise();
        if (enterprise == null || enterprise.uscc() == null) {
            // Without a choice the service takes the only current employment; none left means none exists.
            long employers = current.stream().map(Employment::uscc).distinct().count();
            return List.of(employers > 1
                    ? ViolationCode.ENTERPRISE_REQUIRED.violation(FIELD)
                    : ViolationCode.EMPLOYMENT_NOT_FOUND.violation(FIELD));
        }
        if (current.stream().anyMatch(e -> enterprise.uscc().equals(e.uscc()))) {
            return List.of();
        }
        String name = enterprise.name() == null ? enterprise.uscc() : enterprise.name();
        return List.of(ViolationCode.EMPLOYMENT_NOT_FOUND.violation(FIELD,
                "未查询到您在" + name + "的有效聘用登记，请该企业在聘用管理系统中完成聘用登记后再申请"));
    }
}
