package anguan.domain.application.check;

import anguan.domain.certificate.Category;
import anguan.domain.common.Violation;
import java.util.List;

/** 无同类别有效证书: the applicant holds no valid certificate of the category a new one would be of (考核发证, 进沪换证). */
public final class CategoryNotAlreadyHeld implements SubmitCheck {
    @Override
    public List<Violation> check(SubmitContext context) {
        Category category = SubmitFacts.targetCategory(context.application());
        if (category == null) {
            return List.of();
        }
        return SubmitFacts.ownCertificates(context).stream()
                .filter(c -> c.category() == category && c.isValidOn(context.today()))
                .map(c -> ViolationCode.CATEGORY_ALREADY_HELD.violation("category",
                        "您已持有%s类有效证书（%s），不能重复申领".formatted(category.code(), c.certificateNo())))
                .toList();
    }
}
