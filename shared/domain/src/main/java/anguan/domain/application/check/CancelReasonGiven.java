package anguan.domain.application.check;

import anguan.domain.application.CancelReason;
import anguan.domain.common.Violation;
import java.util.List;

/** 注销原因: a reason is chosen, and written out when it is 其他. */
public final class CancelReasonGiven implements SubmitCheck {
    @Override
    public List<Violation> check(SubmitContext context) {
        var application = context.application();
        if (application.cancelReason() == null) {
            return List.of(ViolationCode.CANCEL_REASON_REQUIRED.violation("cancelReason"));
        }
        boolean textMissing = application.cancelReasonText() == null || application.cancelReasonText().isBlank();
        if (application.cancelReason() == CancelReason.OTHER && textMissing) {
            return List.of(ViolationCode.CANCEL_REASON_REQUIRED.violation("cancelReasonText",
                    "注销原因选择“其他”时，请填写具体原因"));
        }
        return List.of();
    }
}
