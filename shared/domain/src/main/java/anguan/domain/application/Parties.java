package anguan.domain.application;

import anguan.domain.common.DomainProblem;
import anguan.domain.common.Masking;

/**
 * Who may see an application: its applicant, and the enterprise it names once the applicant has
 * signed it (a draft is the person's own business). Anyone else is told it does not exist, since
 * its existence is nobody else's business either (API.md: 404 for another party's resources).
 */
public final class Parties {
    private Parties() {
    }

    public static Application applicantsOwn(ApplicationRepository applications, String idNo, String applicationNo) {
        return find(applications, applicationNo)
                .filter(a -> a.applicantIdNo().equals(idNo))
                .orElseThrow(() -> unknown(applicationNo));
    }

    /** The enterprise's view: applications naming it that the person has signed. */
    public static Application enterprises(ApplicationRepository applications, String uscc, String applicationNo) {
        return find(applications, applicationNo)
                .filter(a -> isFiledWith(a, uscc))
                .orElseThrow(() -> unknown(applicationNo));
    }

    /** Whether the enterprise may see it: it names the enterprise and has left the person's draft. */
    public static boolean isFiledWith(Application a, String uscc) {
        return a.enterprise() != null && uscc.equals(a.enterprise().uscc()) && a.status() != ApplicationStatus.DRAFT;
    }

    private static java.util.Optional<Application> find(ApplicationRepository applications, String applicationNo) {
        if (!ApplicationNumber.isValid(applicationNo)) {
            // Not W + date + serial: no application has it, so no key is built from it either.
            return java.util.Optional.empty();
        }
        return applications.find(applicationNo).filter(a -> !a.isDeleted());
    }

    private static DomainProblem unknown(String applicationNo) {
        return DomainProblem.notFound("未找到申请：" + Masking.echoed(applicationNo));
    }
}
