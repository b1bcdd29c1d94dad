package anguan.domain.registry;

import static anguan.domain.registry.RegistryTestbed.USCC;
import static anguan.domain.registry.RegistryTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import anguan.domain.common.DomainProblem;
import anguan.domain.common.Violation;
import anguan.domain.registry.Feeds.CertificateFeed;
import anguan.domain.registry.Feeds.EmploymentFeed;
import anguan.domain.registry.Feeds.EnterpriseFeed;
import anguan.domain.registry.Feeds.ExamFeed;
import anguan.domain.registry.Feeds.ExternalCertificateFeed;
import anguan.domain.registry.Feeds.PersonFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A one-digit typo of a real ID number is that person's ID number: a refusal names the field and
 * shows the number masked (first 2 and last 2 kept), as every response does. So is an ID number or
 * a mobile that a shifted column put into another field: every value a refusal echoes is masked
 * when it has the shape of one.
 */
class RefusalsMaskIdNumbersAndMobilesTest {
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

    @Test
    void aMobileSentAsTheGenderIsEchoedMasked() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(RegistryTestbed.LI_ID,
                new PersonFeed("李四", "13912345678", null, null, "13912345678", null, null)));

        assertEquals("性别取值无效：139******78（可选：M、F）", problem.violations().getFirst().message());
    }

    @Test
    void anIdNumberSentAsADateOrAnEnterpriseIsEchoedMasked() {
        DomainProblem asDate = refused(() -> bed.service.upsertEmployment(RegistryTestbed.ZHANG_ID, USCC,
                new EmploymentFeed("11010519491231002X", null)));
        DomainProblem asUscc = refused(() -> bed.service.upsertEnterprise("110105194912310021",
                new EnterpriseFeed("某公司", null, null)));

        assertEquals("聘用开始日期格式应为yyyy-MM-dd的有效日期：11**************2X", asDate.violations().getFirst().message());
        assertEquals("统一社会信用代码无效：11**************21", asUscc.violations().getFirst().message());
    }

    @Test
    void anIdNumberSentAsTheCertificateNumberIsEchoedMasked() {
        DomainProblem problem = refused(() -> bed.service.upsertExternalCertificate("11010519491231002X",
                new ExternalCertificateFeed(RegistryTestbed.ZHANG_ID, "张三", "C1", "山东某建设有限公司", "2023-06-01",
                        "2026-05-31", true)));

        assertEquals("证书编号格式无效：11**************2X", problem.violations().getFirst().message());
    }

    @Test
    void aValueOfAnyOtherShapeIsEchoedAsSent() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(RegistryTestbed.LI_ID,
                new PersonFeed("李四", "X", "1990-02-30", null, "13912345678", null, null)));

        assertEquals("性别取值无效：X（可选：M、F）", RegistryTestbed.messageOf(problem, "gender"));
        assertEquals("出生日期格式应为yyyy-MM-dd的有效日期：1990-02-30", RegistryTestbed.messageOf(problem, "birthDate"));
    }
}
