package anguan.domain.application.check;

import anguan.domain.common.Violation;
import java.util.List;

/** 申请人员意见: the applicant ticked the box that makes the pledge on the form their own. */
public final class ConsentGiven implements SubmitCheck {
    @Override
    public List<Violation> check(SubmitContext context) {
        return context.application().consent()
                ? List.of()
                : List.of(ViolationCode.CONSENT_REQUIRED.violation("consent"));
    }
}
