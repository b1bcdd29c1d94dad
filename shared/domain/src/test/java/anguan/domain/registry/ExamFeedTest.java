package anguan.domain.registry;

import static anguan.domain.registry.RegistryTestbed.ZHANG_ID;
import static anguan.domain.registry.RegistryTestbed.codeOf;
import static anguan.domain.registry.RegistryTestbed.codes;
import static anguan.domain.registry.RegistryTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.common.DomainProblem;
import anguan.domain.person.ExamResult;
import anguan.domain.person.ExamType;
import anguan.domain.registry.Feeds.ExamFeed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 考试通过信息: POST /registry/exam-results. */
class ExamFeedTest {
    private final RegistryTestbed bed = new RegistryTestbed();

    private static ExamFeed passed(String date) {
        return new ExamFeed(ZHANG_ID, "INITIAL", "C3", date, true);
    }

    @Test
    void aPassedExamIsStored() {
        ExamResult exam = bed.service.recordExam(passed("2026-09-15"));

        assertEquals(new ExamResult(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 15), true), exam);
        assertEquals(List.of(exam), bed.registry.exams(ZHANG_ID));
    }

    @Test
    void aFailedExamIsStoredAsFailed() {
        ExamResult exam = bed.service.recordExam(new ExamFeed(ZHANG_ID, "CONTINUING", "A", "2026-09-15", false));

        assertFalse(exam.passed());
        assertEquals(ExamType.CONTINUING, exam.examType());
    }

    @Test
    void theSameSittingSentTwiceIsStoredOnce() {
        bed.service.recordExam(passed("2026-09-15"));
        bed.service.recordExam(passed("2026-09-15"));

        assertEquals(1, bed.registry.exams(ZHANG_ID).size());
    }

    @Test
    void aCorrectedResultOfTheSameSittingReplacesTheFirst() {
        bed.service.recordExam(new ExamFeed(ZHANG_ID, "INITIAL", "C3", "2026-09-15", false));
        bed.service.recordExam(passed("2026-09-15"));

        assertEquals(List.of(true), bed.registry.exams(ZHANG_ID).stream().map(ExamResult::passed).toList());
    }

    @Test
    void anotherDateTypeOrCategoryIsAnotherSitting() {
        bed.service.recordExam(passed("2026-09-15"));
        bed.service.recordExam(passed("2026-10-15"));
        bed.service.recordExam(new ExamFeed(ZHANG_ID, "CONTINUING", "C3", "2026-09-15", true));
        bed.service.recordExam(new ExamFeed(ZHANG_ID, "INITIAL", "C2", "2026-09-15", true));

        assertEquals(4, bed.registry.exams(ZHANG_ID).size());
    }

    @Test
    void anExamTakenTodayIsAccepted() {
        assertEquals(RegistryTestbed.TODAY, bed.service.recordExam(passed("2026-11-27")).examDate());
    }

    @Test
    void anExamDatedInTheFutureIsRefused() {
        DomainProblem problem = refused(() -> bed.service.recordExam(passed("2026-11-28")));

        assertEquals(List.of("INVALID_DATE"), codes(problem));
        assertEquals("examDate", problem.violations().getFirst().field());
        assertTrue(bed.registry.exams(ZHANG_ID).isEmpty());
    }

    @Test
    void todayIsTheShanghaiDayNotTheUtcOne() {
        // 2026-11-26T17:30Z is already 2026-11-27 01:30 in Shanghai.
        RegistryTestbed justAfterMidnight = new RegistryTestbed(Instant.parse("2026-11-26T17:30:00Z"));

        ExamResult exam = justAfterMidnight.service.recordExam(passed("2026-11-27"));

        assertEquals(LocalDate.of(2026, 11, 27), exam.examDate());
    }

    @Test
    void anExamWithoutAnIdNumberAsksForOne() {
        DomainProblem problem = refused(() -> bed.service.recordExam(new ExamFeed(null, "INITIAL", "C3", "2026-10-01", true)));

        assertEquals(List.of("REQUIRED"), codes(problem));
        assertEquals("证件号码不能为空", problem.violations().getFirst().message());
    }

    @Test
    void everyMissingOrWrongFieldIsReportedTogether() {
        DomainProblem problem = refused(() -> bed.service.recordExam(new ExamFeed("bad", "FINAL", null, "2026-13-01", null)));

        assertEquals("INVALID_ID_NUMBER", codeOf(problem, "idNo"));
        assertEquals("INVALID_VALUE", codeOf(problem, "examType"));
        assertEquals("REQUIRED", codeOf(problem, "category"));
        assertEquals("INVALID_DATE", codeOf(problem, "examDate"));
        assertEquals("REQUIRED", codeOf(problem, "passed"));
        assertEquals(5, problem.violations().size());
    }
}
