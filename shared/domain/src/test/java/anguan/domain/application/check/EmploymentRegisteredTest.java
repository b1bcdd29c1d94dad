package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.OTHER_USCC;
import static anguan.domain.application.check.SubmitContextFixture.THIRD_USCC;
import static anguan.domain.application.check.SubmitContextFixture.USCC;
import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.employment;
import static anguan.domain.application.check.SubmitContextFixture.firstIssue;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static anguan.domain.application.check.SubmitContextFixture.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.person.Employment;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EmploymentRegisteredTest {
    private final EmploymentRegistered rule = new EmploymentRegistered();

    @Test
    void aCurrentEmploymentWithTheApplicationsEnterprisePasses() {
        assertCodes(firstIssue().check(rule));
    }

    @Test
    void anEmploymentEndingTodayStillCounts() {
        assertCodes(firstIssue().employments(new Employment(SubmitContextFixture.ID_NO, USCC,
                LocalDate.of(2020, 1, 1), TODAY)).check(rule));
    }

    @Test
    void anEmploymentThatEndedYesterdayDoesNotCount() {
        var violation = only(firstIssue().employments(new Employment(SubmitContextFixture.ID_NO, USCC,
                LocalDate.of(2020, 1, 1), TODAY.minusDays(1))).check(rule));
        assertEquals("EMPLOYMENT_NOT_FOUND", violation.code());
        assertEquals("uscc", violation.field());
        assertTrue(violation.message().contains("上海建工一建集团有限公司"));
    }

    @Test
    void anEmploymentStartingTomorrowDoesNotCount() {
        assertCodes(firstIssue().employments(new Employment(SubmitContextFixture.ID_NO, USCC,
                TODAY.plusDays(1), null)).check(rule), "EMPLOYMENT_NOT_FOUND");
    }

    @Test
    void employmentAtAnotherEnterpriseIsNotFound() {
        assertCodes(firstIssue().employments(employment(OTHER_USCC)).check(rule), "EMPLOYMENT_NOT_FOUND");
    }

    @Test
    void withoutEnterpriseAndSeveralEmployersThePersonMustChoose() {
        var violation = only(firstIssue().with(a -> a.enterprise(null))
                .employments(employment(OTHER_USCC), employment(THIRD_USCC)).check(rule));
        assertEquals("ENTERPRISE_REQUIRED", violation.code());
        assertEquals("uscc", violation.field());
    }

    @Test
    void withoutEnterpriseAndNoEmploymentNothingIsFound() {
        assertCodes(firstIssue().with(a -> a.enterprise(null)).employments().check(rule), "EMPLOYMENT_NOT_FOUND");
    }
}
