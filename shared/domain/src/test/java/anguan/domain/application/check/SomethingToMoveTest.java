package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.OTHER_USCC;
import static anguan.domain.application.check.SubmitContextFixture.USCC;
import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.certificate;
import static anguan.domain.application.check.SubmitContextFixture.employerChange;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SomethingToMoveTest {
    private final SomethingToMove rule = new SomethingToMove();

    @Test
    void aValidCertificateAtTheOldEnterprisePasses() {
        assertCodes(employerChange().check(rule));
    }

    @Test
    void certificatesAlreadyAtTheNewEnterpriseLeaveNothingToMove() {
        var violation = only(employerChange().certificates(c(USCC, LocalDate.of(2025, 1, 1),
                CertificateStatus.VALID)).check(rule));
        assertEquals("NOTHING_TO_MOVE", violation.code());
    }

    @Test
    void certificatesElsewhereThatAreNotValidLeaveNothingToMove() {
        assertCodes(employerChange().certificates(c(OTHER_USCC, LocalDate.of(2025, 1, 1),
                CertificateStatus.CANCELLED)).check(rule), "NOTHING_TO_MOVE");
        assertCodes(employerChange().certificates(c(OTHER_USCC, LocalDate.of(2023, 1, 1),
                CertificateStatus.VALID)).check(rule), "NOTHING_TO_MOVE");
    }

    @Test
    void noCertificateAtAllLeavesNothingToMove() {
        assertCodes(employerChange().certificates().check(rule), "NOTHING_TO_MOVE");
    }

    private static Certificate c(String uscc, LocalDate from, CertificateStatus status) {
        return certificate("沪建安B（2025）0000003", Category.B, Position.P07, uscc, from, status);
    }
}
