package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.C3_FROM;
import static anguan.domain.application.check.SubmitContextFixture.C3_NO;
import static anguan.domain.application.check.SubmitContextFixture.TODAY;
import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.exam;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static anguan.domain.application.check.SubmitContextFixture.renewal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.person.ExamType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The fixture's certificate is valid 2023-12-31 to 2026-12-30. */
class ContinuingEducationWithinValidityTest {
    private final ContinuingEducationWithinValidity rule = new ContinuingEducationWithinValidity();

    @Test
    void anExamOnTheFirstDayOfValidityCounts() {
        assertCodes(withExam(C3_FROM, true).check(rule));
    }

    @Test
    void anExamPassedTodayCounts() {
        assertCodes(withExam(TODAY, true).check(rule));
    }

    @Test
    void anExamBeforeTheCurrentValidityIsTooOld() {
        var violation = only(withExam(C3_FROM.minusDays(1), true).check(rule));
        assertEquals("CONTINUING_EDUCATION_MISSING", violation.code());
        assertTrue(violation.message().contains(C3_NO), violation.message());
    }

    @Test
    void aFailedExamDoesNotCount() {
        assertCodes(withExam(LocalDate.of(2025, 6, 1), false).check(rule), "CONTINUING_EDUCATION_MISSING");
    }

    @Test
    void anExamOfAnotherCategoryOrAnInitialExamDoesNotCount() {
        assertCodes(renewal().exams(exam(ExamType.CONTINUING, Category.C1, LocalDate.of(2025, 6, 1), true),
                exam(ExamType.INITIAL, Category.C3, LocalDate.of(2025, 6, 1), true)).check(rule),
                "CONTINUING_EDUCATION_MISSING");
    }

    @Test
    void anExamDatedAfterTodayDoesNotCount() {
        assertCodes(withExam(TODAY.plusDays(1), true).check(rule), "CONTINUING_EDUCATION_MISSING");
    }

    @Test
    void afterTheEndDateOnlyExamsWithinTheValidityCount() {
        LocalDate later = LocalDate.of(2027, 1, 15);
        assertCodes(withExam(LocalDate.of(2026, 12, 30), true).today(later).check(rule));
        assertCodes(withExam(LocalDate.of(2026, 12, 31), true).today(later).check(rule),
                "CONTINUING_EDUCATION_MISSING");
    }

    private static SubmitContextFixture withExam(LocalDate date, boolean passed) {
        return renewal().exams(exam(ExamType.CONTINUING, Category.C3, date, passed));
    }
}
