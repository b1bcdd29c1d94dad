package anguan.domain.person;

import anguan.domain.certificate.Category;
import java.time.LocalDate;

/** 考试通过信息: one exam sitting of a person for a category. */
public record ExamResult(String idNo, ExamType examType, Category category, LocalDate examDate, boolean passed) {
}
