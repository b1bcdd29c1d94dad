package anguan.domain.registry;

import static anguan.domain.registry.RegistryTestbed.ZHANG_ID;
import static anguan.domain.registry.RegistryTestbed.codeOf;
import static anguan.domain.registry.RegistryTestbed.codes;
import static anguan.domain.registry.RegistryTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.common.DomainProblem;
import anguan.domain.registry.Feeds.ExternalCertificateFeed;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 全国平台 record of an out-of-province certificate: PUT /registry/external-certificates/{certificateNo}. */
class ExternalCertificateFeedTest {
    private static final String NO = "鲁建安C1（2023）0012345";
    private static final String NO_HALF_WIDTH = "鲁建安C1(2023)0012345";

    private final RegistryTestbed bed = new RegistryTestbed();

    private static ExternalCertificateFeed full(String category, boolean transferredOut) {
        return new ExternalCertificateFeed(ZHANG_ID, "张三", category, "山东某建设有限公司", "2023-06-01", "2026-05-31",
                transferredOut);
    }

    @Test
    void aRecordIsStoredUnderItsFullWidthNumber() {
        ExternalCertificate external = bed.service.upsertExternalCertificate(NO, full("C1", true));

        assertEquals(new ExternalCertificate(NO, ZHANG_ID, "张三", Category.C1, "山东某建设有限公司",
                LocalDate.of(2023, 6, 1), LocalDate.of(2026, 5, 31), true), external);
        assertEquals(external, bed.registry.findExternal(NO).orElseThrow());
    }

    @Test
    void aNumberWithHalfWidthParenthesesIsStoredWithFullWidthOnes() {
        ExternalCertificate external = bed.service.upsertExternalCertificate(NO_HALF_WIDTH, full("C1", true));

        assertEquals(NO, external.certificateNo());
        assertTrue(bed.registry.findExternal(NO).isPresent());
        assertTrue(bed.registry.findExternal(NO_HALF_WIDTH).isEmpty());
    }

    @Test
    void halfAndFullWidthNumbersAreTheSameRecord() {
        bed.service.upsertExternalCertificate(NO, full("C1", false));

        ExternalCertificate external = bed.service.upsertExternalCertificate(NO_HALF_WIDTH,
                new ExternalCertificateFeed(null, null, null, null, null, null, true));

        assertTrue(external.transferredOut());
        assertEquals("张三", external.name());
        assertEquals(Category.C1, external.category());
        assertEquals(LocalDate.of(2026, 5, 31), external.validTo());
    }

    @Test
    void aRecordIsNotTransferredOutUnlessTheFeedSaysSo() {
        ExternalCertificate external = bed.service.upsertExternalCertificate(NO,
                new ExternalCertificateFeed(ZHANG_ID, "张三", "C1", "山东某建设有限公司", "2023-06-01", "2026-05-31", null));

        assertFalse(external.transferredOut());
    }

    @Test
    void aCategoryThatDiffersFromTheNumbersIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertExternalCertificate(NO, full("C3", true)));

        assertEquals(List.of("INVALID_VALUE"), codes(problem));
        assertEquals("category", problem.violations().getFirst().field());
        assertTrue(bed.registry.findExternal(NO).isEmpty());
    }

    @Test
    void aNumberThatIsNotACertificateNumberIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertExternalCertificate("鲁建安D1（2023）0012345", full("C1", true)));

        assertEquals(List.of("INVALID_CERTIFICATE_NUMBER"), codes(problem));
        assertEquals("certificateNo", problem.violations().getFirst().field());
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertExternalCertificate(NO,
                new ExternalCertificateFeed(ZHANG_ID, "张三", "C1", "山东某建设有限公司", "2026-06-01", "2026-05-31", true)));

        assertEquals(List.of("DATE_RANGE_INVALID"), codes(problem));
    }

    @Test
    void aNewRecordNeedsEveryField() {
        DomainProblem problem = refused(() -> bed.service.upsertExternalCertificate(NO,
                new ExternalCertificateFeed(null, null, null, null, null, null, null)));

        assertEquals(List.of("idNo", "name", "category", "enterpriseName", "validFrom", "validTo"),
                RegistryTestbed.fields(problem));
        assertTrue(codes(problem).stream().allMatch("REQUIRED"::equals));
    }

    @Test
    void aBadIdNumberIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertExternalCertificate(NO,
                new ExternalCertificateFeed("110105194912310021", "张三", "C1", "山东某建设有限公司", "2023-06-01", "2026-05-31", true)));

        assertEquals("INVALID_ID_NUMBER", codeOf(problem, "idNo"));
    }
}
