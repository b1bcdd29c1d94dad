package anguan.domain.application.check;

import anguan.domain.certificate.Category;
import anguan.domain.common.Violation;
import anguan.domain.person.ExamType;
import java.time.LocalDate;
import java.util.List;

/** 考核发证: 近12个月内通过该类别的初证考试 (an initial exam of the category passed on or after today minus 12 months). */
public final class InitialExamWithinTwelveMonths implements SubmitCheck {
    private static final int MONTHS = 12;

    @Override
    public List<Violation> check(SubmitContext context) {
        Category category = context.application().category();
        if (category == null) {
            return List.of(); // PositionFitsCategory asks for the category
        }
        LocalDate today = context.today();
        LocalDate earliest = today.minusMonths(MONTHS);
        boolean passed = context.exams().stream().anyMatch(e -> e.passed()
                && e.examType() == ExamType.INITIAL
                && e.category() == category
                && !e.examDate().isBefore(earliest)
                && !e.examDate().isAfter(today));
        return passed ? List.of() : List.of(ViolationCode.EXAM_NOT_PASSED.violation("category"));
    }
}
