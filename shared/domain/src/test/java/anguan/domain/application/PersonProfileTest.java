package anguan.domain.application;

import static anguan.domain.application.ApplicationTestbed.A_NO;
import static anguan.domain.application.ApplicationTestbed.B_NO;
import static anguan.domain.application.ApplicationTestbed.C3_FROM;
import static anguan.domain.application.ApplicationTestbed.C3_NO;
import static anguan.domain.application.ApplicationTestbed.LI_ID;
import static anguan.domain.application.ApplicationTestbed.OTHER_USCC;
import static anguan.domain.application.ApplicationTestbed.OTHER_USCC_NAME;
import static anguan.domain.application.ApplicationTestbed.THIRD_USCC;
import static anguan.domain.application.ApplicationTestbed.TODAY;
import static anguan.domain.application.ApplicationTestbed.USCC;
import static anguan.domain.application.ApplicationTestbed.USCC_NAME;
import static anguan.domain.application.ApplicationTestbed.ZHANG_ID;
import static anguan.domain.application.ApplicationTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.person.PersonProfile;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /me: the person's own registry entry, current employers and certificates. */
class PersonProfileTest {
    private final ApplicationTestbed bed = ApplicationTestbed.zhangAtUscc();

    @Test
    void theProfileShowsTheRegistryEntryInFull() {
        PersonProfile profile = bed.service.profile(ZHANG_ID);

        assertEquals(ZHANG_ID, profile.person().idNo());
        assertEquals("张三", profile.person().name());
        assertEquals("13812345678", profile.person().mobile());
    }

    @Test
    void currentEmploymentsCarryTheEnterpriseNameNewestFirst() {
        bed.employ(ZHANG_ID, OTHER_USCC, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 2, 28));

        PersonProfile profile = bed.service.profile(ZHANG_ID);

        assertEquals(List.of(
                new PersonProfile.Employer(OTHER_USCC, OTHER_USCC_NAME, LocalDate.of(2024, 3, 1), LocalDate.of(2027, 2, 28)),
                new PersonProfile.Employer(USCC, USCC_NAME, LocalDate.of(2020, 1, 1), null)), profile.employments());
    }

    @Test
    void endedAndFutureEmploymentsAreNotCurrent() {
        bed.employ(ZHANG_ID, OTHER_USCC, LocalDate.of(2015, 1, 1), TODAY.minusDays(1));
        bed.employ(ZHANG_ID, THIRD_USCC, TODAY.plusDays(1), null);

        assertEquals(List.of(USCC), bed.service.profile(ZHANG_ID).employments().stream()
                .map(PersonProfile.Employer::uscc).toList());
    }

    @Test
    void anEmployerMissingFromTheEnterpriseRegistryIsShownWithoutAName() {
        String unregistered = "91310115MA1K3ABC0D";
        bed.registry.deleteEmployment(ZHANG_ID, USCC);
        bed.employ(ZHANG_ID, unregistered, LocalDate.of(2024, 1, 1), null);

        PersonProfile.Employer employer = bed.service.profile(ZHANG_ID).employments().getFirst();

        assertEquals(unregistered, employer.uscc());
        assertNull(employer.enterpriseName());
    }

    @Test
    void certificatesAreListedNewestFirstWithdrawnOnesIncluded() {
        bed.certificate(B_NO, Category.B, Position.P07, USCC, LocalDate.of(2022, 5, 1), CertificateStatus.CANCELLED);
        bed.certificate(A_NO, Category.A, Position.P01, OTHER_USCC, LocalDate.of(2025, 1, 1), CertificateStatus.VALID);
        bed.certificate(C3_NO, Category.C3, Position.P08, USCC, C3_FROM, CertificateStatus.TRANSFERRED_OUT);

        List<Certificate> certificates = bed.service.profile(ZHANG_ID).certificates();

        assertEquals(List.of(A_NO, C3_NO, B_NO), certificates.stream().map(Certificate::certificateNo).toList());
    }

    @Test
    void someoneElsesCertificatesAreNotInTheProfile() {
        bed.registry.save(new Certificate(C3_NO, LI_ID, "李四", Category.C3, Position.P08, USCC, USCC_NAME, C3_FROM, C3_FROM,
                C3_FROM.plusYears(3).minusDays(1), CertificateStatus.VALID, null, 1, null, null));

        assertTrue(bed.service.profile(ZHANG_ID).certificates().isEmpty());
    }

    @Test
    void anUnregisteredPersonHasNoProfile() {
        DomainProblem problem = refused(() -> bed.service.profile(LI_ID));

        assertEquals(DomainProblem.Kind.NOT_FOUND, problem.kind());
        assertEquals("NOT_FOUND", problem.code());
    }
}
