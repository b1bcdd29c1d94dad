package anguan.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.ApplicationDocuments;
import anguan.domain.application.Page;
import anguan.domain.common.DomainProblem;
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 我的证书, 证书查询, 电子证书下载 and 证书核验 (DOMAIN.md "Certificates", "E-certificate"). */
class CertificateServiceTest {
    private static final String HOLDER = "11010519491231002X";
    private static final String OTHER = "310104198505050015";
    private static final String USCC = "91310000MA1FL4CT2Q";
    private static final String OTHER_USCC = "91350100M000100Y43";
    /** 2026-11-27 in Shanghai. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));
    private final InMemoryRegistry store = new InMemoryRegistry(clock);
    private final CertificateService service = new CertificateService(store.certificateRepository(), store, clock);

    private static Certificate certificate(String no, String idNo, String name, String uscc, LocalDate validFrom,
                                           CertificateStatus status) {
        return new Certificate(no, idNo, name, Category.C3, Position.P08, uscc, "上海浦江建设工程有限公司", validFrom, validFrom,
                Validity.validTo(validFrom), status, null, 0, null, null);
    }

    private Certificate issued(Certificate c) {
        String key = "certificates/" + c.certificateNo() + "/001.ofd";
        store.put(key, "OFD".getBytes(), "application/ofd");
        Certificate withFile = c.withFile(1, "1.2.156.3005.2.x", "电子证书_" + c.certificateNo() + ".ofd", key);
        store.save(withFile);
        return withFile;
    }

    @Test
    void theHolderSeesOwnCertificatesNewestFirstWithdrawnIncludedAndNoOneElses() {
        store.save(certificate("沪建安C3（2020）0000001", HOLDER, "王晓丽", USCC, LocalDate.of(2020, 5, 1), CertificateStatus.VALID));
        store.save(certificate("沪建安B（2025）0000002", HOLDER, "王晓丽", USCC, LocalDate.of(2025, 3, 1), CertificateStatus.CANCELLED));
        store.save(certificate("沪建安A（2024）0000003", HOLDER, "王晓丽", OTHER_USCC, LocalDate.of(2024, 1, 1), CertificateStatus.VALID));
        store.save(certificate("沪建安C3（2026）0000004", OTHER, "陈子莲", USCC, LocalDate.of(2026, 1, 1), CertificateStatus.VALID));

        Page<Certificate> page = service.ofHolder(HOLDER, CertificateQuery.ofStatus(null, 1, 10));

        assertEquals(List.of("沪建安B（2025）0000002", "沪建安A（2024）0000003", "沪建安C3（2020）0000001"),
                page.items().stream().map(Certificate::certificateNo).toList());
        assertEquals(3, page.total());
    }

    @Test
    void theStatusFilterIsTheEffectiveStatusSoAVALIDOnePastItsEndIsFoundAsEXPIRED() {
        store.save(certificate("沪建安C3（2020）0000001", HOLDER, "王晓丽", USCC, LocalDate.of(2020, 5, 1), CertificateStatus.VALID));
        store.save(certificate("沪建安B（2025）0000002", HOLDER, "王晓丽", USCC, LocalDate.of(2025, 3, 1), CertificateStatus.VALID));

        assertEquals(List.of("沪建安C3（2020）0000001"), numbers(service.ofHolder(HOLDER,
                CertificateQuery.ofStatus(CertificateStatus.EXPIRED, 1, 10))));
        assertEquals(List.of("沪建安B（2025）0000002"), numbers(service.ofHolder(HOLDER,
                CertificateQuery.ofStatus(CertificateStatus.VALID, 1, 10))));
    }

    @Test
    void aListIsPagedWithTheTotalOfEveryMatch() {
        for (int i = 1; i <= 5; i++) {
            store.save(certificate("沪建安C3（2020）000000" + i, HOLDER, "王晓丽", USCC, LocalDate.of(2020, i, 1), CertificateStatus.VALID));
        }
        Page<Certificate> second = service.ofHolder(HOLDER, CertificateQuery.ofStatus(null, 2, 2));

        assertEquals(List.of("沪建安C3（2020）0000003", "沪建安C3（2020）0000002"), numbers(second));
        assertEquals(5, second.total());
        assertThrows(IllegalArgumentException.class, () -> CertificateQuery.ofStatus(null, 1, 101));
    }

    @Test
    void theEnterpriseFindsItsCertificatesByPartOfTheNameTheWholeIdNumberOrTheNumberInEitherWidth() {
        store.save(certificate("沪建安C3（2024）0000001", HOLDER, "王晓丽", USCC, LocalDate.of(2024, 5, 1), CertificateStatus.VALID));
        store.save(certificate("沪建安C3（2024）0000002", OTHER, "陈子莲", USCC, LocalDate.of(2024, 6, 1), CertificateStatus.TRANSFERRED_OUT));
        store.save(certificate("沪建安C3（2024）0000003", OTHER, "陈子莲", OTHER_USCC, LocalDate.of(2024, 7, 1), CertificateStatus.VALID));

        assertEquals(List.of("沪建安C3（2024）0000002", "沪建安C3（2024）0000001"), numbers(service.atEnterprise(USCC, query(null, null, null))));
        assertEquals(List.of("沪建安C3（2024）0000001"), numbers(service.atEnterprise(USCC, query("晓", null, null))));
        assertEquals(List.of("沪建安C3（2024）0000002"), numbers(service.atEnterprise(USCC, query(null, "310104198505050015 ", null))));
        assertEquals(List.of("11010519491231002X"), service.atEnterprise(USCC, query(null, "11010519491231002x", null)).items()
                .stream().map(Certificate::idNo).toList());
        assertEquals(List.of("沪建安C3（2024）0000001"), numbers(service.atEnterprise(USCC, query(null, null, "沪建安c3(2024)0000001"))));
        assertEquals(List.of(), numbers(service.atEnterprise(USCC, query(null, null, "沪建安C3（2024）0000003"))));
        assertEquals(List.of(), numbers(service.atEnterprise(USCC, query("王", OTHER, null))));
    }

    @Test
    void theHolderDownloadsTheirECertificateThroughAFiveMinuteLinkEvenWithHalfWidthParentheses() {
        Certificate c = issued(certificate("沪建安C3（2024）0000001", HOLDER, "王晓丽", USCC, LocalDate.of(2024, 5, 1), CertificateStatus.VALID));

        ApplicationDocuments.Download d = service.downloadForHolder(HOLDER, "沪建安C3(2024)0000001");

        assertEquals(c.ofdFileName(), d.fileName());
        assertEquals("memory://" + c.ofdKey(), d.url());
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), d.expiresAt());
        assertEquals(d, service.downloadForEnterprise(USCC, "沪建安C3（2024）0000001"));
    }

    @Test
    void anExpiredCertificateMayStillBeDownloaded() {
        issued(certificate("沪建安C3（2020）0000001", HOLDER, "王晓丽", USCC, LocalDate.of(2020, 5, 1), CertificateStatus.VALID));

        assertTrue(service.downloadForHolder(HOLDER, "沪建安C3（2020）0000001").url().endsWith(".ofd"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"沪建安C3（2024）0000001", "沪建安C3（2024）0000009", "", "not a number"})
    void anotherPartysOrAnUnknownCertificateIsNotFound(String number) {
        issued(certificate("沪建安C3（2024）0000001", HOLDER, "王晓丽", USCC, LocalDate.of(2024, 5, 1), CertificateStatus.VALID));

        assertEquals("NOT_FOUND", assertThrows(DomainProblem.class, () -> service.downloadForHolder(OTHER, number)).code());
        assertEquals("NOT_FOUND", assertThrows(DomainProblem.class, () -> service.downloadForEnterprise(OTHER_USCC, number)).code());
    }

    @ParameterizedTest
    @EnumSource(value = CertificateStatus.class, names = {"CANCELLED", "TRANSFERRED_OUT", "REVOKED"})
    void aWithdrawnCertificateCanNoLongerBeDownloaded(CertificateStatus status) {
        issued(certificate("沪建安C3（2024）0000001", HOLDER, "王晓丽", USCC, LocalDate.of(2024, 5, 1), status));

        DomainProblem p = assertThrows(DomainProblem.class, () -> service.downloadForHolder(HOLDER, "沪建安C3（2024）0000001"));
        assertEquals("CERTIFICATE_WITHDRAWN", p.code());
        assertEquals(DomainProblem.Kind.INVALID_STATE, p.kind());
        assertTrue(p.getMessage().contains(status.displayName()), p.getMessage());
        assertEquals("CERTIFICATE_WITHDRAWN", assertThrows(DomainProblem.class,
                () -> service.downloadForEnterprise(USCC, "沪建安C3（2024）0000001")).code());
    }

    @Test
    void aMigratedCertificateHasNoECertificateYet() {
        store.save(certificate("沪建安C3（2024）0000001", HOLDER, "王晓丽", USCC, LocalDate.of(2024, 5, 1), CertificateStatus.VALID));

        DomainProblem p = assertThrows(DomainProblem.class, () -> service.downloadForHolder(HOLDER, "沪建安C3（2024）0000001"));
        assertEquals("ECERTIFICATE_NOT_ISSUED", p.code());
        assertEquals(DomainProblem.Kind.INVALID_STATE, p.kind());
        assertTrue(p.getMessage().contains("尚未签发电子证书"), p.getMessage());
    }

    @Test
    void aWithdrawnMigratedCertificateIsWithdrawnRatherThanNotYetIssued() {
        store.save(certificate("沪建安C3（2024）0000001", HOLDER, "王晓丽", USCC, LocalDate.of(2024, 5, 1), CertificateStatus.CANCELLED));

        assertEquals("CERTIFICATE_WITHDRAWN", assertThrows(DomainProblem.class,
                () -> service.downloadForHolder(HOLDER, "沪建安C3（2024）0000001")).code());
    }

    @Test
    void theVerificationShowsTheEffectiveStatusAndAMaskedNameButNeverTheIdNumber() {
        Certificate c = issued(certificate("沪建安C3（2020）0000001", HOLDER, "陈子莲", USCC, LocalDate.of(2020, 5, 1), CertificateStatus.VALID));

        PublicCertificate p = service.verify("沪建安C3(2020)0000001");

        assertEquals(new PublicCertificate("沪建安C3（2020）0000001", CertificateStatus.EXPIRED, "陈*", Category.C3,
                "上海浦江建设工程有限公司", LocalDate.of(2020, 5, 1), LocalDate.of(2023, 4, 30), c.licenceId()), p);
        assertFalse(p.toString().contains(HOLDER));
        assertTrue(TODAY.isAfter(p.validTo()));
    }

    @ParameterizedTest
    @EnumSource(value = CertificateStatus.class, names = {"CANCELLED", "TRANSFERRED_OUT"})
    void aWithdrawnCertificateVerifiesAsWithdrawn(CertificateStatus status) {
        store.save(certificate("沪建安C3（2024）0000001", HOLDER, "王晓丽", USCC, LocalDate.of(2024, 5, 1), status));

        assertEquals(status, service.verify("沪建安C3（2024）0000001").status());
        assertNull(service.verify("沪建安C3（2024）0000001").licenceId());
    }

    @Test
    void anUnknownNumberDoesNotVerify() {
        assertEquals("NOT_FOUND", assertThrows(DomainProblem.class, () -> service.verify("沪建安C3（2024）0000001")).code());
    }

    private static CertificateQuery query(String name, String idNo, String certificateNo) {
        return new CertificateQuery(null, name, idNo, certificateNo, 1, 10);
    }

    private static List<String> numbers(Page<Certificate> page) {
        return page.items().stream().map(Certificate::certificateNo).toList();
    }
}
