package anguan.domain.application.check;

import anguan.domain.application.ApplicationType;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.common.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 职务与证书类别相符 (建质〔2015〕206号): the position picked (考核发证, 进沪换证) is one the category
 * allows; 其他 (99) never is.
 */
public final class PositionFitsCategory implements SubmitCheck {
    private static final String FIELD = "position";

    @Override
    public List<Violation> check(SubmitContext context) {
        var application = context.application();
        Category category = SubmitFacts.targetCategory(application);
        Position position = application.position();
        if (category == null) {
            // 进沪换证 takes the category from the national record; when there is none, that check says so.
            return application.type() == ApplicationType.FIRST_ISSUE
                    ? List.of(ViolationCode.CATEGORY_REQUIRED.violation("category"))
                    : List.of();
        }
        if (position == null) {
            return List.of(ViolationCode.POSITION_REQUIRED.violation(FIELD));
        }
        if (category.allows(position)) {
            return List.of();
        }
        String allowed = category.allowedPositions().stream()
                .sorted()
                .map(Position::displayName)
                .collect(Collectors.joining("、"));
        return List.of(ViolationCode.POSITION_NOT_ALLOWED.violation(FIELD,
                "职务“%s”不属于%s类证书（%s）允许的职务，请在以下职务中选择：%s".formatted(
                        position.displayName(), category.code(), category.displayName(), allowed)));
    }
}
