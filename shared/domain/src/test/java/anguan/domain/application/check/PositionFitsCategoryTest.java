package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.firstIssue;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static anguan.domain.application.check.SubmitContextFixture.transferIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PositionFitsCategoryTest {
    private final PositionFitsCategory rule = new PositionFitsCategory();

    @ParameterizedTest
    @EnumSource(value = Position.class, names = {"P01", "P02", "P03", "P04", "P05", "P06"})
    void everyPositionOfTheCategoryAListPasses(Position position) {
        assertCodes(firstIssue().with(a -> a.category(Category.A).position(position)).check(rule));
    }

    @Test
    void aProjectManagerCannotHoldACategoryC3Certificate() {
        var violation = only(firstIssue().with(a -> a.position(Position.P07)).check(rule));
        assertEquals("POSITION_NOT_ALLOWED", violation.code());
        assertEquals("position", violation.field());
        assertTrue(violation.message().contains("专职安全生产管理人员"), violation.message());
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void positionOtherIsNeverAllowed(Category category) {
        assertCodes(firstIssue().with(a -> a.category(category).position(Position.P99)).check(rule),
                "POSITION_NOT_ALLOWED");
    }

    @Test
    void aMissingPositionIsAskedFor() {
        var violation = only(firstIssue().with(a -> a.position(null)).check(rule));
        assertEquals("POSITION_REQUIRED", violation.code());
        assertEquals("position", violation.field());
    }

    @Test
    void aFirstIssueWithoutCategoryIsAskedForOne() {
        assertCodes(firstIssue().with(a -> a.category(null)).check(rule), "CATEGORY_REQUIRED");
    }

    @Test
    void aTransferInIsJudgedAgainstTheNationalRecordsCategory() {
        assertCodes(transferIn().with(a -> a.category(null).position(Position.P08)).check(rule));
        assertCodes(transferIn().with(a -> a.category(null).position(Position.P07)).check(rule),
                "POSITION_NOT_ALLOWED");
    }
}
