package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.EXTERNAL_NO;
import static anguan.domain.application.check.SubmitContextFixture.ID_NO;
import static anguan.domain.application.check.SubmitContextFixture.OTHER_ID_NO;
import static anguan.domain.application.check.SubmitContextFixture.TODAY;
import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static anguan.domain.application.check.SubmitContextFixture.transferIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.ExternalCertificate;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExternalCertificateTransferableTest {
    private final ExternalCertificateTransferable rule = new ExternalCertificateTransferable();

    @Test
    void anOwnTransferredOutUnexpiredOutOfProvinceCertificatePasses() {
        assertCodes(transferIn().check(rule));
    }

    @Test
    void aNumberUnknownToTheNationalPlatformIsNotFound() {
        var violation = only(transferIn().external(null).check(rule));
        assertEquals("EXTERNAL_CERTIFICATE_NOT_FOUND", violation.code());
        assertEquals("originalCertificateNo", violation.field());
    }

    @Test
    void someoneElsesRecordIsReportedAsNotFoundAndNothingMore() {
        var theirs = new ExternalCertificate("沪建安C1（2020）0000001", OTHER_ID_NO, "李四", Category.C1, "某企业",
                LocalDate.of(2020, 1, 1), LocalDate.of(2022, 12, 31), false);
        assertCodes(transferIn().external(theirs).check(rule), "EXTERNAL_CERTIFICATE_NOT_FOUND");
    }

    @Test
    void aShanghaiNumberNeedsNoTransfer() {
        assertCodes(transferIn().external(external("沪建安C1（2024）0000001", LocalDate.of(2027, 5, 31), true))
                .check(rule), "EXTERNAL_IS_SHANGHAI");
    }

    @Test
    void aShanghaiNumberIsRecognisedEvenWhenTheNationalPlatformDoesNotListIt() {
        assertCodes(transferIn().with(a -> a.originalCertificateNo("沪建安C3（2024）0000007")).external(null).check(rule),
                "EXTERNAL_IS_SHANGHAI");
    }

    @Test
    void aCertificateNotYetTransferredOutIsRefused() {
        var violation = only(transferIn().external(external(EXTERNAL_NO, LocalDate.of(2027, 5, 31), false))
                .check(rule));
        assertEquals("EXTERNAL_NOT_TRANSFERRED_OUT", violation.code());
        assertTrue(violation.message().contains("转出"));
    }

    @Test
    void aCertificateEndingTodayCanStillBeTransferred() {
        assertCodes(transferIn().external(external(EXTERNAL_NO, TODAY, true)).check(rule));
    }

    @Test
    void aCertificateThatEndedYesterdayHasExpired() {
        var violation = only(transferIn().external(external(EXTERNAL_NO, TODAY.minusDays(1), true)).check(rule));
        assertEquals("EXTERNAL_EXPIRED", violation.code());
        assertTrue(violation.message().contains("2026-11-26"), violation.message());
    }

    @Test
    void aRecordAnotherApplicationHasAlreadyExchangedIsRefused() {
        var exchanged = external(EXTERNAL_NO, LocalDate.of(2027, 5, 31), true).markedUsedBy("W2026010100001");
        var violation = only(transferIn().external(exchanged).check(rule));
        assertEquals("EXTERNAL_ALREADY_EXCHANGED", violation.code());
        assertEquals("originalCertificateNo", violation.field());
        assertTrue(violation.message().contains("进沪换证"), violation.message());
    }

    @Test
    void aRecordMarkedByThisVeryApplicationIsNoObstacleToIt() {
        var context = transferIn();
        var mine = external(EXTERNAL_NO, LocalDate.of(2027, 5, 31), true).markedUsedBy(context.application().applicationNo());
        assertCodes(context.external(mine).check(rule));
    }

    @Test
    void everyProblemOfAnOwnRecordIsReportedTogether() {
        assertCodes(transferIn().external(external("沪建安C1（2020）0000001", LocalDate.of(2022, 12, 31), false))
                .check(rule), "EXTERNAL_IS_SHANGHAI", "EXTERNAL_NOT_TRANSFERRED_OUT", "EXTERNAL_EXPIRED");
    }

    private static ExternalCertificate external(String no, LocalDate validTo, boolean transferredOut) {
        return new ExternalCertificate(no, ID_NO, "张三", Category.C1, "某企业", validTo.minusYears(3).plusDays(1),
                validTo, transferredOut);
    }
}
