package anguan.domain.registry;

import static anguan.domain.registry.RegistryTestbed.USCC;
import static anguan.domain.registry.RegistryTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import anguan.domain.common.DomainProblem;
import anguan.domain.common.Violation;
import anguan.domain.registry.Feeds.CertificateFeed;
import anguan.domain.registry.Feeds.EmploymentFeed;
import anguan.domain.registry.Feeds.ExamFeed;
import anguan.domain.registry.Feeds.ExternalCertificateFeed;
import anguan.domain.registry.Feeds.PersonFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A one-digit typo of a real ID number is that person's ID number: a refusal names the field and
 * shows the number masked (first 2 and last 2 kept), as every response does.
 */
class RefusalsMaskTheIdNumberTest {
    /** 11010519491231002X with the 17th digit mistyped: the check character no longer fits. */
    private static final String TYPO = "11010519491231003X";
    private static final String MASKED = "11**************3X";

    private final RegistryTestbed bed = new RegistryTestbed();

    private static void assertMasked(Executable feed) {
        DomainProblem problem = refused(feed);
        Violation violation = problem.violations().stream().filter(v -> v.code().equals("INVALID_ID_NUMBER"))
                .findFirst().orElseThrow();
        assertEquals("idNo", violation.field());
        assertEquals("证件号码无效：" + MASKED, violation.message());
        problem.violations().forEach(v -> assertFalse(v.message().contains(TYPO), v.message()));
        assertFalse(problem.getMessage().contains(TYPO));
    }

    @Test
    void aPersonFeedForAMistypedNumberShowsItMasked() {
        assertMasked(() -> bed.service.upsertPerson(TYPO, new PersonFeed("张三", null, null, "ID_CARD", "13812345678", null, null)));
    }

    @Test
    void aMistypedNumberWithoutAnIdTypeIsShownMaskedToo() {
        assertMasked(() -> bed.service.upsertPerson(" " + TYPO.toLowerCase() + " ",
                new PersonFeed("张三", null, null, null, "13812345678", null, null)));
    }

    @Test
    void anEmploymentOfAMistypedNumberShowsItMasked() {
        assertMasked(() -> bed.service.upsertEmployment(TYPO, USCC, new EmploymentFeed("2020-01-01", null)));
        assertMasked(() -> bed.service.endEmployment(TYPO, USCC));
    }

    @Test
    void anExamOfAMistypedNumberShowsItMasked() {
        assertMasked(() -> bed.service.recordExam(new ExamFeed(TYPO, "INITIAL", "C3", "2026-10-01", true)));
    }

    @Test
    void aNationalRecordOfAMistypedNumberShowsItMasked() {
        assertMasked(() -> bed.service.upsertExternalCertificate("鲁建安C1（2023）0012345", new ExternalCertificateFeed(TYPO,
                "张三", "C1", "山东某建设有限公司", "2023-06-01", "2026-05-31", true)));
    }

    @Test
    void aMigrationForAMistypedNumberShowsItMasked() {
        assertMasked(() -> bed.service.migrateCertificate("沪建安C3（2023）0000001", new CertificateFeed(TYPO, "C3", "08", USCC,
                "2017-12-31", "2023-12-31", "2026-12-30", "VALID", null)));
    }
}
