package anguan.domain.registry;

import static anguan.domain.registry.RegistryTestbed.LI_ID;
import static anguan.domain.registry.RegistryTestbed.OTHER_USCC;
import static anguan.domain.registry.RegistryTestbed.TODAY;
import static anguan.domain.registry.RegistryTestbed.USCC;
import static anguan.domain.registry.RegistryTestbed.ZHANG_ID;
import static anguan.domain.registry.RegistryTestbed.base64;
import static anguan.domain.registry.RegistryTestbed.codeOf;
import static anguan.domain.registry.RegistryTestbed.codes;
import static anguan.domain.registry.RegistryTestbed.contentKey;
import static anguan.domain.registry.RegistryTestbed.jpeg;
import static anguan.domain.registry.RegistryTestbed.png;
import static anguan.domain.registry.RegistryTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.registry.Feeds.CertificateFeed;
import anguan.domain.registry.Feeds.PersonFeed;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One-off migration of an existing Shanghai certificate: PUT /registry/certificates/{certificateNo}. */
class CertificateMigrationTest {
    private static final String NO = "沪建安C3（2023）0000001";
    private static final String NO_HALF_WIDTH = "沪建安C3(2023)0000001";

    private final RegistryTestbed bed = new RegistryTestbed();

    @BeforeEach
    void registries() {
        bed.registerZhang();
        bed.registerEnterprise(USCC, "上海建工一建集团有限公司");
    }

    private static CertificateFeed c3(String status) {
        return new CertificateFeed(ZHANG_ID, "C3", "08", USCC, "2017-12-31", "2023-12-31", "2026-12-30", status, null);
    }

    private static CertificateFeed only(String status) {
        return new CertificateFeed(null, null, null, null, null, null, null, status, null);
    }

    private Certificate stored() {
        return bed.registry.findCertificate(NO).orElseThrow();
    }

    @Test
    void aCertificateIsStoredWithTheHolderAndEnterpriseNamesOfTheRegistries() {
        Certificate certificate = bed.service.migrateCertificate(NO, c3("VALID"));

        assertEquals(NO, certificate.certificateNo());
        assertEquals(ZHANG_ID, certificate.idNo());
        assertEquals("张三", certificate.name());
        assertEquals(USCC, certificate.uscc());
        assertEquals("上海建工一建集团有限公司", certificate.enterpriseName());
        assertEquals(Category.C3, certificate.category());
        assertEquals(Position.P08, certificate.position());
        assertEquals(LocalDate.of(2017, 12, 31), certificate.firstIssueDate());
        assertEquals(LocalDate.of(2023, 12, 31), certificate.validFrom());
        assertEquals(LocalDate.of(2026, 12, 30), certificate.validTo());
        assertEquals(CertificateStatus.VALID, certificate.status());
        assertNull(certificate.photoKey());
        assertEquals(certificate, stored());
    }

    @Test
    void theNamesAreCopiesThatARegistryRenameDoesNotTouch() {
        bed.service.migrateCertificate(NO, c3("VALID"));

        bed.registerEnterprise(USCC, "上海建工一建（集团）有限公司");
        bed.service.upsertPerson(ZHANG_ID, new PersonFeed("张三丰", null, null, null, null, null, null));

        assertEquals("上海建工一建集团有限公司", stored().enterpriseName());
        assertEquals("张三", stored().name());
    }

    @Test
    void aReFedStatusKeepsTheNamesAsPrintedWhateverTheRegistriesSayNow() {
        bed.service.migrateCertificate(NO, c3("VALID"));
        bed.registerEnterprise(USCC, "上海建工一建（集团）有限公司");
        bed.service.upsertPerson(ZHANG_ID, new PersonFeed("张三丰", null, null, null, null, null, null));

        Certificate suspended = bed.service.migrateCertificate(NO, only("SUSPENDED"));

        assertEquals(CertificateStatus.SUSPENDED, suspended.status());
        assertEquals("上海建工一建集团有限公司", suspended.enterpriseName(), "a rename goes through 批量变更, not a re-feed");
        assertEquals("张三", suspended.name());
        assertEquals(suspended, stored());
    }

    @Test
    void aMigrationRunAgainWithTheSameHolderAndEnterpriseKeepsTheCopiedNames() {
        bed.service.migrateCertificate(NO, c3("VALID"));
        bed.registerEnterprise(USCC, "上海建工一建（集团）有限公司");

        Certificate again = bed.service.migrateCertificate(NO, c3("VALID"));

        assertEquals("上海建工一建集团有限公司", again.enterpriseName());
    }

    @Test
    void aMigrationThatMovesTheCertificateCopiesTheNewEnterprisesNameOnly() {
        bed.service.migrateCertificate(NO, c3("VALID"));
        bed.registerEnterprise(OTHER_USCC, "上海新东家建设有限公司");
        bed.service.upsertPerson(ZHANG_ID, new PersonFeed("张三丰", null, null, null, null, null, null));

        Certificate moved = bed.service.migrateCertificate(NO, new CertificateFeed(null, null, null, OTHER_USCC,
                null, null, null, null, null));

        assertEquals(OTHER_USCC, moved.uscc());
        assertEquals("上海新东家建设有限公司", moved.enterpriseName());
        assertEquals("张三", moved.name(), "the holder did not change, nor does the printed name");
    }

    @Test
    void aMigrationThatChangesTheHolderCopiesTheNewHoldersNameOnly() {
        bed.service.migrateCertificate(NO, c3("VALID"));
        bed.service.upsertPerson(LI_ID, new PersonFeed("李四", null, null, null, "13912345678", null, null));
        bed.registerEnterprise(USCC, "上海建工一建（集团）有限公司");

        Certificate corrected = bed.service.migrateCertificate(NO, new CertificateFeed(LI_ID, null, null, null,
                null, null, null, null, null));

        assertEquals(LI_ID, corrected.idNo());
        assertEquals("李四", corrected.name());
        assertEquals("上海建工一建集团有限公司", corrected.enterpriseName());
    }

    @Test
    void aMigrationToAnUnregisteredEnterpriseIsRefusedAndTheCertificateKept() {
        bed.service.migrateCertificate(NO, c3("VALID"));

        DomainProblem problem = refused(() -> bed.service.migrateCertificate(NO, new CertificateFeed(null, null, null,
                OTHER_USCC, null, null, null, null, null)));

        assertEquals(List.of("ENTERPRISE_NOT_REGISTERED"), codes(problem));
        assertEquals(USCC, stored().uscc());
    }

    @Test
    void aNumberWithHalfWidthParenthesesIsStoredWithFullWidthOnes() {
        Certificate certificate = bed.service.migrateCertificate(NO_HALF_WIDTH, c3("VALID"));

        assertEquals(NO, certificate.certificateNo());
        assertTrue(bed.registry.findCertificate(NO).isPresent());
    }

    @Test
    void anUnregisteredHolderIsRefused() {
        DomainProblem problem = refused(() -> bed.service.migrateCertificate(NO,
                new CertificateFeed(LI_ID, "C3", "08", USCC, "2017-12-31", "2023-12-31", "2026-12-30", "VALID", null)));

        assertEquals(List.of("PERSON_NOT_REGISTERED"), codes(problem));
        assertEquals("idNo", problem.violations().getFirst().field());
        assertTrue(bed.registry.findCertificate(NO).isEmpty());
    }

    @Test
    void anUnregisteredEnterpriseIsRefused() {
        DomainProblem problem = refused(() -> bed.service.migrateCertificate(NO,
                new CertificateFeed(ZHANG_ID, "C3", "08", OTHER_USCC, "2017-12-31", "2023-12-31", "2026-12-30", "VALID", null)));

        assertEquals(List.of("ENTERPRISE_NOT_REGISTERED"), codes(problem));
        assertEquals("uscc", problem.violations().getFirst().field());
        assertTrue(bed.registry.findCertificate(NO).isEmpty());
    }

    @Test
    void aPositionTheCategoryDoesNotAllowIsRefused() {
        DomainProblem problem = refused(() -> bed.service.migrateCertificate(NO,
                new CertificateFeed(ZHANG_ID, "C3", "01", USCC, "2017-12-31", "2023-12-31", "2026-12-30", "VALID", null)));

        assertEquals(List.of("POSITION_NOT_ALLOWED"), codes(problem));
        assertEquals("position", problem.violations().getFirst().field());
        assertTrue(bed.registry.findCertificate(NO).isEmpty());
    }

    @Test
    void positionOtherIsAcceptedForAMigratedCertificate() {
        Certificate certificate = bed.service.migrateCertificate(NO,
                new CertificateFeed(ZHANG_ID, "C3", "99", USCC, "2017-12-31", "2023-12-31", "2026-12-30", "VALID", null));

        assertEquals(Position.P99, certificate.position());
    }

    @Test
    void anUnknownPositionCodeIsRefused() {
        DomainProblem problem = refused(() -> bed.service.migrateCertificate(NO,
                new CertificateFeed(ZHANG_ID, "C3", "8", USCC, "2017-12-31", "2023-12-31", "2026-12-30", "VALID", null)));

        assertEquals("INVALID_VALUE", codeOf(problem, "position"));
    }

    @Test
    void anOutOfProvinceNumberIsRefused() {
        DomainProblem problem = refused(() -> bed.service.migrateCertificate("鲁建安C3（2023）0000001", c3("VALID")));

        assertEquals(List.of("INVALID_CERTIFICATE_NUMBER"), codes(problem));
        assertTrue(bed.registry.findCertificate("鲁建安C3（2023）0000001").isEmpty());
    }

    @Test
    void aCategoryThatDiffersFromTheNumbersIsRefused() {
        DomainProblem problem = refused(() -> bed.service.migrateCertificate(NO,
                new CertificateFeed(ZHANG_ID, "C2", "08", USCC, "2017-12-31", "2023-12-31", "2026-12-30", "VALID", null)));

        assertEquals(List.of("INVALID_VALUE"), codes(problem));
        assertEquals("category", problem.violations().getFirst().field());
    }

    @ParameterizedTest
    @EnumSource(CertificateStatus.class)
    void theStatusIsStoredAsGiven(CertificateStatus status) {
        assertEquals(status, bed.service.migrateCertificate(NO, c3(status.name())).status());
    }

    @Test
    void aValidCertificatePastItsEndIsStoredValidAndShowsAsExpired() {
        Certificate certificate = bed.service.migrateCertificate(NO,
                new CertificateFeed(ZHANG_ID, "C3", "08", USCC, "2020-01-01", "2020-01-01", "2022-12-31", "VALID", null));

        assertEquals(CertificateStatus.VALID, certificate.status());
        assertEquals(CertificateStatus.EXPIRED, certificate.effectiveStatus(TODAY));
    }

    @Test
    void aValidityOfAnyLengthIsAcceptedAsLongAsItDoesNotEndBeforeItStarts() {
        Certificate oneDay = bed.service.migrateCertificate(NO,
                new CertificateFeed(ZHANG_ID, "C3", "08", USCC, "2023-12-31", "2023-12-31", "2023-12-31", "VALID", null));
        assertEquals(oneDay.validFrom(), oneDay.validTo());

        DomainProblem problem = refused(() -> bed.service.migrateCertificate(NO,
                new CertificateFeed(null, null, null, null, null, "2024-01-01", "2023-12-31", null, null)));
        assertEquals(List.of("DATE_RANGE_INVALID"), codes(problem));
    }

    @Test
    void anUnknownStatusIsRefused() {
        DomainProblem problem = refused(() -> bed.service.migrateCertificate(NO, c3("ACTIVE")));

        assertEquals("INVALID_VALUE", codeOf(problem, "status"));
    }

    @Test
    void aPartialMigrationKeepsTheStoredFields() {
        byte[] photo = jpeg(2_000);
        Certificate first = bed.service.migrateCertificate(NO,
                new CertificateFeed(ZHANG_ID, "C3", "08", USCC, "2017-12-31", "2023-12-31", "2026-12-30", "VALID", base64(photo)));

        Certificate second = bed.service.migrateCertificate(NO, only("SUSPENDED"));

        assertEquals(CertificateStatus.SUSPENDED, second.status());
        assertEquals(first.idNo(), second.idNo());
        assertEquals(first.uscc(), second.uscc());
        assertEquals(first.position(), second.position());
        assertEquals(first.validFrom(), second.validFrom());
        assertEquals(first.validTo(), second.validTo());
        assertEquals(first.firstIssueDate(), second.firstIssueDate());
        assertEquals(first.photoKey(), second.photoKey());
    }

    @Test
    void aPhotoIsStoredUnderAKeyDerivedFromItsContent() {
        byte[] photo = png(2_000);

        Certificate certificate = bed.service.migrateCertificate(NO,
                new CertificateFeed(ZHANG_ID, "C3", "08", USCC, "2017-12-31", "2023-12-31", "2026-12-30", "VALID", base64(photo)));

        assertEquals(contentKey("photos", photo, "png"), certificate.photoKey());
        assertArrayEquals(photo, bed.registry.get(certificate.photoKey()).orElseThrow());
    }

    @Test
    void aRefusedMigrationStoresNeitherCertificateNorPhoto() {
        int documentsBefore = bed.registry.documentCount();

        refused(() -> bed.service.migrateCertificate(NO,
                new CertificateFeed(ZHANG_ID, "C3", "01", USCC, "2017-12-31", "2023-12-31", "2026-12-30", "VALID", base64(jpeg(1_000)))));

        assertTrue(bed.registry.findCertificate(NO).isEmpty());
        assertEquals(documentsBefore, bed.registry.documentCount());
    }

    @Test
    void aNewCertificateNeedsEveryField() {
        DomainProblem problem = refused(() -> bed.service.migrateCertificate(NO, only(null)));

        assertEquals(List.of("idNo", "uscc", "category", "position", "status", "firstIssueDate", "validFrom", "validTo"),
                RegistryTestbed.fields(problem));
    }

    @Test
    void fieldProblemsAreReportedTogether() {
        DomainProblem problem = refused(() -> bed.service.migrateCertificate(NO,
                new CertificateFeed("123", "C3", "07", "bad", "2017-12-31", "2023-12-31", "2023-12-30", "GOOD", null)));

        assertEquals("INVALID_ID_NUMBER", codeOf(problem, "idNo"));
        assertEquals("INVALID_USCC", codeOf(problem, "uscc"));
        assertEquals("POSITION_NOT_ALLOWED", codeOf(problem, "position"));
        assertEquals("INVALID_VALUE", codeOf(problem, "status"));
        assertEquals("DATE_RANGE_INVALID", codeOf(problem, "validTo"));
    }
}
