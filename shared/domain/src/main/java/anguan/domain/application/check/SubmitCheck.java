package anguan.domain.application.check;

import anguan.domain.common.Violation;
import java.util.List;

/**
 * One rule checked at 签名上报. A check is a pure function of the snapshot: it returns what is wrong
 * (empty when the rule holds) and never throws for a business outcome.
 */
@FunctionalInterface
public interface SubmitCheck {
    List<Violation> check(SubmitContext context);
}
