package anguan.domain.application;

import static anguan.domain.application.ApplicationTestbed.*;
import static org.junit.jupiter.api.Assertions.*;

import anguan.domain.certificate.*;
import anguan.domain.person.ExamType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PrefillFollowsTheRegistriesTest {
    private final ApplicationTestbed bed = ApplicationTestbed.zhangAtUscc();

    @Test
    void phoneAndUsccInOneSaveKeepThePhone() {
        bed.employ(ZHANG_ID, OTHER_USCC, LocalDate.of(2024, 1, 1), null);
        Application draft = bed.create(new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, USCC));
        Application saved = bed.save(draft, new ApplicationChanges("021-12345678", null, null, null, null, OTHER_USCC, 1L));
        assertEquals(new ApplicationEnterprise(OTHER_USCC, OTHER_USCC_NAME, "021-12345678"), saved.enterprise());
    }

    @Test
    void aDraftStartedBeforeTheEmploymentWasRegisteredCanBeSubmittedOnceItIs() {
        bed.exam(ZHANG_ID, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true);
        bed.registry.deleteEmployment(ZHANG_ID, USCC);
        Application draft = bed.fillIn(bed.firstIssueC3());
        bed.employ(ZHANG_ID, USCC, LocalDate.of(2026, 11, 1), null);
        Application submitted; try { submitted = bed.submit(draft); } catch (anguan.domain.common.DomainProblem e) { fail(e.violations().toString()); return; }
        assertEquals(USCC, submitted.enterprise().uscc());
    }

    @Test
    void aRenewalFollowsTheCertificateToItsNewEnterprise() {
        Certificate c3 = bed.certificate(C3_NO, Category.C3, Position.P08, OTHER_USCC, C3_FROM, CertificateStatus.VALID);
        bed.employ(ZHANG_ID, OTHER_USCC, LocalDate.of(2020, 1, 1), null);
        bed.exam(ZHANG_ID, ExamType.CONTINUING, Category.C3, LocalDate.of(2025, 6, 1), true);
        Application draft = bed.fillIn(bed.onCertificate(ApplicationType.RENEWAL, C3_NO));
        // 省内变更 approved meanwhile: the certificate moved to USCC, the old employment ended
        bed.change(c3, c -> new Certificate(c.certificateNo(), c.idNo(), c.name(), c.category(), c.position(), USCC,
                USCC_NAME, c.firstIssueDate(), c.validFrom(), c.validTo(), c.status(), c.photoKey(), 2, null, null));
        bed.registry.deleteEmployment(ZHANG_ID, OTHER_USCC);
        Application submitted; try { submitted = bed.submit(draft); } catch (anguan.domain.common.DomainProblem e) { fail(e.violations().toString()); return; }
        assertEquals(USCC, submitted.enterprise().uscc());
    }

    @Test
    void aBatchRenameShowsInTheEnterpriseBlockOfATransferOut() {
        Certificate c3 = bed.validC3();
        Application draft = bed.fillIn(bed.onCertificate(ApplicationType.TRANSFER_OUT, C3_NO));
        bed.change(c3, c -> new Certificate(c.certificateNo(), c.idNo(), c.name(), c.category(), c.position(), c.uscc(),
                "上海建工一建（集团）有限公司", c.firstIssueDate(), c.validFrom(), c.validTo(), c.status(), c.photoKey(), 2, null, null));
        Application submitted; try { submitted = bed.submit(draft); } catch (anguan.domain.common.DomainProblem e) { fail(e.violations().toString()); return; }
        assertEquals("上海建工一建（集团）有限公司", submitted.enterprise().name());
    }
}
