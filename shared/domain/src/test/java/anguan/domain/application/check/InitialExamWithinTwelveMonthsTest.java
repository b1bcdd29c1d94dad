package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.TODAY;
import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.exam;
import static anguan.domain.application.check.SubmitContextFixture.firstIssue;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import anguan.domain.certificate.Category;
import anguan.domain.person.ExamType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InitialExamWithinTwelveMonthsTest {
    private final InitialExamWithinTwelveMonths rule = new InitialExamWithinTwelveMonths();

    @Test
    void anExamPassedTodayCounts() {
        assertCodes(withExam(TODAY, true).check(rule));
    }

    @Test
    void anExamPassedExactlyTwelveMonthsAgoCounts() {
        assertCodes(withExam(LocalDate.of(2025, 11, 27), true).check(rule));
    }

    @Test
    void anExamPassedTwelveMonthsAndOneDayAgoIsTooOld() {
        var violation = only(withExam(LocalDate.of(2025, 11, 26), true).check(rule));
        assertEquals("EXAM_NOT_PASSED", violation.code());
        assertEquals("category", violation.field());
        assertEquals("未查询到近12个月内该类别的初证考试通过信息，请通过考试后再申请", violation.message());
    }

    @Test
    void onALeapDayTheBoundIsTheTwentyEighthOfFebruaryAYearBefore() {
        LocalDate leapDay = LocalDate.of(2028, 2, 29);
        assertCodes(withExam(LocalDate.of(2027, 2, 28), true).today(leapDay).check(rule));
        assertCodes(withExam(LocalDate.of(2027, 2, 27), true).today(leapDay).check(rule), "EXAM_NOT_PASSED");
    }

    @Test
    void aFailedExamDoesNotCount() {
        assertCodes(withExam(TODAY.minusMonths(1), false).check(rule), "EXAM_NOT_PASSED");
    }

    @Test
    void anExamOfAnotherCategoryDoesNotCount() {
        assertCodes(firstIssue().exams(exam(ExamType.INITIAL, Category.C1, TODAY.minusMonths(1), true)).check(rule),
                "EXAM_NOT_PASSED");
    }

    @Test
    void aContinuingEducationExamIsNotAnInitialExam() {
        assertCodes(firstIssue().exams(exam(ExamType.CONTINUING, Category.C3, TODAY.minusMonths(1), true))
                .check(rule), "EXAM_NOT_PASSED");
    }

    @Test
    void anExamDatedAfterTodayDoesNotCount() {
        assertCodes(withExam(TODAY.plusDays(1), true).check(rule), "EXAM_NOT_PASSED");
    }

    private static SubmitContextFixture withExam(LocalDate date, boolean passed) {
        return firstIssue().exams(exam(ExamType.INITIAL, Category.C3, date, passed));
    }
}
