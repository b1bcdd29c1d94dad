package anguan.domain.application.check;

import anguan.domain.common.Violation;
import java.util.List;

/**
 * 省内变更受聘企业: at least one of the applicant's valid certificates is registered at an enterprise
 * other than the new one; all of those move.
 */
public final class SomethingToMove implements SubmitCheck {
    @Override
    public List<Violation> check(SubmitContext context) {
        boolean any = SubmitFacts.ownCertificates(context).stream()
                .anyMatch(c -> c.isValidOn(context.today())
                        && SubmitFacts.isAtOtherEnterprise(c, context.application()));
        return any ? List.of() : List.of(ViolationCode.NOTHING_TO_MOVE.violation("certificates"));
    }
}
