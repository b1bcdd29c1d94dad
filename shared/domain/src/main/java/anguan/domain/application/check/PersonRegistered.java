package anguan.domain.application.check;

import anguan.domain.common.Violation;
import java.util.List;

/** 申请人已完成从业人员信息登记: the applicant is in the worker registry. */
public final class PersonRegistered implements SubmitCheck {
    @Override
    public List<Violation> check(SubmitContext context) {
        return context.person().isPresent()
                ? List.of()
                : List.of(ViolationCode.PERSON_NOT_REGISTERED.violation("idNo"));
    }
}
