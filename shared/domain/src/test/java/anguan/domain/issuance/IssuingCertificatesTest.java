package anguan.domain.issuance;

import static anguan.domain.issuance.IssuanceTestbed.A_NO;
import static anguan.domain.issuance.IssuanceTestbed.C3_NO;
import static anguan.domain.issuance.IssuanceTestbed.DECIDED;
import static anguan.domain.issuance.IssuanceTestbed.ISSUER_USCC;
import static anguan.domain.issuance.IssuanceTestbed.LI_ID;
import static anguan.domain.issuance.IssuanceTestbed.NATIONAL_NO;
import static anguan.domain.issuance.IssuanceTestbed.NEW_ENTERPRISE;
import static anguan.domain.issuance.IssuanceTestbed.NEW_USCC;
import static anguan.domain.issuance.IssuanceTestbed.NO;
import static anguan.domain.issuance.IssuanceTestbed.PHOTO;
import static anguan.domain.issuance.IssuanceTestbed.ZHANG_ID;
import static anguan.domain.issuance.IssuanceTestbed.ZHANG_MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateNumber;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.LicenceId;
import anguan.domain.certificate.Position;
import anguan.domain.notification.Notice;
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.Snapshot;
import anguan.domain.testing.TestClock;
import anguan.domain.testing.TextECertificates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DOMAIN.md's "effect on approval", type by type, as the person and the public would see it. */
class IssuingCertificatesTest {
    private final TestClock clock = new TestClock(DECIDED.plusSeconds(60));
    private final InMemoryRegistry registry = new InMemoryRegistry(clock);
    private final CertificateIssuanceService service = IssuanceTestbed.service(registry, clock);

    IssuingCertificatesTest() {
        IssuanceTestbed.seed(registry);
    }

    private IssueOutcome approve(Application application) {
        registry.insert(application);
        return service.apply(IssueOrder.approved(application.applicationNo(), DECIDED));
    }

    private Application application() {
        return registry.applicationRepository().find(NO).orElseThrow();
    }

    private String ofd(Certificate c) {
        return TextECertificates.text(registry.get(c.ofdKey()).orElseThrow());
    }

    @Test
    void aFirstIssueTakesSerialOneOfItsCategoryAndYearFromTheApprovalDate() {
        assertEquals(IssueOutcome.APPLIED, approve(IssuanceTestbed.approved(ApplicationType.FIRST_ISSUE)));

        String no = "沪建安C3（2026）0000001";
        Certificate c = registry.findCertificate(no).orElseThrow();
        assertEquals(ZHANG_ID, c.idNo());
        assertEquals("张三", c.name());
        assertEquals(Category.C3, c.category());
        assertEquals(Position.P08, c.position());
        assertEquals(NEW_USCC, c.uscc());
        assertEquals(NEW_ENTERPRISE, c.enterpriseName());
        assertEquals(LocalDate.of(2026, 11, 27), c.firstIssueDate());
        assertEquals(LocalDate.of(2026, 11, 27), c.validFrom());
        assertEquals(LocalDate.of(2029, 11, 26), c.validTo());
        assertEquals(CertificateStatus.VALID, c.status());
        assertEquals(PHOTO, c.photoKey());
        assertEquals(1, c.licenceVersion());
        assertEquals(LicenceId.of(ISSUER_USCC, CertificateNumber.parse(no).orElseThrow(), 1), c.licenceId());
        assertTrue(LicenceId.isValid(c.licenceId()));
        assertEquals(no + ".ofd", c.ofdFileName());
        assertTrue(c.ofdKey().contains(no) && c.ofdKey().contains("001"), c.ofdKey());

        String ofd = ofd(c);
        assertTrue(ofd.contains("证书编号 " + no), ofd);
        assertTrue(ofd.contains("身份证件号码 " + ZHANG_ID), "the document carries the ID number whole");
        assertTrue(ofd.contains("照片 010203"), "the registry photo of the application");
        assertTrue(ofd.contains("证照标识 " + c.licenceId()));
        assertTrue(ofd.contains("发证机关 上海市住房和城乡建设管理委员会"));
        assertTrue(ofd.contains("二维码 https://anguan.example/public/certificates/"), ofd);

        Application done = application();
        assertEquals(List.of(no), done.issued());
        assertNotNull(done.effectAppliedAt());
        assertEquals(ApplicationStatus.APPROVED, done.status());

        Notice notice = registry.notices().getFirst();
        assertEquals(1, registry.notices().size());
        assertEquals(ZHANG_MOBILE, notice.mobile());
        assertEquals("certificate-ready:" + NO + ":" + no, notice.id());
        assertTrue(notice.text().contains(no) && notice.text().contains("电子证书已生成"), notice.text());
        assertFalse(notice.text().contains(ZHANG_ID), "no ID number in an SMS");
    }

    @Test
    void aFirstIssueApprovedOnALeapDayEndsOnTheTwentySeventhOfFebruary() {
        Instant leapDay = Instant.parse("2028-02-29T02:00:00Z");
        clock.set(leapDay.plusSeconds(60));
        approve(IssuanceTestbed.approved(ApplicationType.FIRST_ISSUE).toBuilder().decidedAt(leapDay).build());

        Certificate c = registry.findCertificate("沪建安C3（2028）0000001").orElseThrow();
        assertEquals(LocalDate.of(2028, 2, 29), c.validFrom());
        assertEquals(LocalDate.of(2031, 2, 27), c.validTo());
    }

    @Test
    void serialsCountPerCategoryAndYear() {
        registry.next("certificate#C3#2026");
        registry.next("certificate#C3#2026");
        registry.next("certificate#A#2026");
        approve(IssuanceTestbed.approved(ApplicationType.FIRST_ISSUE));

        assertEquals(List.of("沪建安C3（2026）0000003"), application().issued());
    }

    @Test
    void aNumberHeldByAMigratedCertificateIsSkippedAndBothAreRecorded() {
        Certificate migrated = new Certificate("沪建安C3（2026）0000001", LI_ID, "李四", Category.C3, Position.P08, NEW_USCC, NEW_ENTERPRISE,
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5), LocalDate.of(2029, 1, 4), CertificateStatus.VALID, null, 0, null, null);
        registry.save(migrated);

        approve(IssuanceTestbed.approved(ApplicationType.FIRST_ISSUE));

        assertEquals(List.of("沪建安C3（2026）0000001", "沪建安C3（2026）0000002"), application().issued());
        assertEquals(migrated, registry.findCertificate("沪建安C3（2026）0000001").orElseThrow(), "the migrated certificate untouched");
        assertEquals(ZHANG_ID, registry.findCertificate("沪建安C3（2026）0000002").orElseThrow().idNo());
        assertEquals("certificate-ready:" + NO + ":沪建安C3（2026）0000002", registry.notices().getFirst().id());
    }

    @Test
    void aRenewalKeepsTheNumberAndRunsThreeYearsFromTheDayAfterTheOldEnd() {
        approve(IssuanceTestbed.approved(ApplicationType.RENEWAL));

        Certificate c = registry.findCertificate(C3_NO).orElseThrow();
        assertEquals(LocalDate.of(2027, 2, 1), c.validFrom());
        assertEquals(LocalDate.of(2030, 1, 31), c.validTo());
        assertEquals(LocalDate.of(2021, 2, 1), c.firstIssueDate(), "the first-issue date stays");
        assertEquals("certificates/photos/zhang.jpg", c.photoKey(), "the photo stays");
        assertEquals(2, c.licenceVersion());
        assertEquals(LicenceId.of(ISSUER_USCC, CertificateNumber.parse(C3_NO).orElseThrow(), 2), c.licenceId());
        assertTrue(ofd(c).contains("有效期 2027-02-01 至 2030-01-31"));
        assertEquals("the first file", TextECertificates.text(registry.get("certificates/" + C3_NO + "/001.ofd").orElseThrow()),
                "the old file is kept under its own key");
        assertEquals("certificate-reissued:" + NO + ":" + C3_NO, registry.notices().getFirst().id());
    }

    @Test
    void aRenewalEndingOnALeapDayPlusOneFollowsValidity() {
        Certificate ending = new Certificate(C3_NO, ZHANG_ID, "张三", Category.C3, Position.P08, IssuanceTestbed.USCC,
                IssuanceTestbed.ENTERPRISE, LocalDate.of(2022, 2, 1), LocalDate.of(2025, 3, 1), LocalDate.of(2028, 2, 28),
                CertificateStatus.VALID, null, 0, null, null);
        registry.save(ending);
        Instant decided = Instant.parse("2028-01-10T02:00:00Z");
        clock.set(decided);
        approve(IssuanceTestbed.approved(ApplicationType.RENEWAL).toBuilder().certificates(List.of(ending)).decidedAt(decided).build());

        Certificate c = registry.findCertificate(C3_NO).orElseThrow();
        assertEquals(LocalDate.of(2028, 2, 29), c.validFrom());
        assertEquals(LocalDate.of(2031, 2, 27), c.validTo());
    }

    @Test
    void anEmployerChangeMovesEveryListedCertificateAndKeepsTheirValidity() {
        approve(IssuanceTestbed.approved(ApplicationType.EMPLOYER_CHANGE));

        for (Certificate before : List.of(IssuanceTestbed.a(), IssuanceTestbed.c3())) {
            Certificate c = registry.findCertificate(before.certificateNo()).orElseThrow();
            assertEquals(NEW_USCC, c.uscc());
            assertEquals(NEW_ENTERPRISE, c.enterpriseName());
            assertEquals(before.validFrom(), c.validFrom());
            assertEquals(before.validTo(), c.validTo());
            assertEquals(before.licenceVersion() + 1, c.licenceVersion());
            assertTrue(ofd(c).contains("企业名称 " + NEW_ENTERPRISE));
        }
        assertEquals(2, registry.notices().size());
        assertTrue(registry.notices().stream().allMatch(n -> n.text().contains("重新签发")));
    }

    @Test
    void aTransferInGivesANewShanghaiNumberOfTheSameCategoryWithTheNationalValidity() {
        approve(IssuanceTestbed.approved(ApplicationType.TRANSFER_IN));

        Certificate c = registry.findCertificate("沪建安C1（2026）0000001").orElseThrow();
        assertEquals(Category.C1, c.category());
        assertEquals(LocalDate.of(2024, 3, 1), c.validFrom());
        assertEquals(LocalDate.of(2027, 2, 28), c.validTo());
        assertEquals(LocalDate.of(2026, 11, 27), c.firstIssueDate());
        assertEquals(NEW_USCC, c.uscc());
        assertEquals(NO, registry.findExternal(NATIONAL_NO).orElseThrow().usedBy(), "the national record is used up");
    }

    @Test
    void aNationalRecordUsedByAnotherApplicationIsNotExchangedTwice() {
        registry.saveExternal(registry.findExternal(NATIONAL_NO).orElseThrow().markedUsedBy("W2026110100001"));

        registry.insert(IssuanceTestbed.approved(ApplicationType.TRANSFER_IN));
        assertThrows(IllegalStateException.class, () -> service.apply(IssueOrder.approved(NO, DECIDED)));

        assertTrue(registry.findCertificate("沪建安C1（2026）0000001").isEmpty());
        assertTrue(application().issued().isEmpty());
        assertFalse(application().isEffectApplied(), "left for staff: the order goes to the dead-letter queue");
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationType.class, names = {"TRANSFER_OUT", "CANCELLATION"})
    void aWithdrawnCertificateGetsItsStatusAndNoNewFile(ApplicationType type) {
        int documents = registry.documentCount();
        approve(IssuanceTestbed.approved(type));

        Certificate c = registry.findCertificate(C3_NO).orElseThrow();
        assertEquals(type == ApplicationType.TRANSFER_OUT ? CertificateStatus.TRANSFERRED_OUT : CertificateStatus.CANCELLED, c.status());
        assertEquals(IssuanceTestbed.c3().licenceVersion(), c.licenceVersion());
        assertEquals(documents, registry.documentCount());
        assertTrue(registry.notices().isEmpty());
        assertTrue(application().isEffectApplied());
    }

    @ParameterizedTest
    @EnumSource(ApplicationType.class)
    void aSecondDeliveryChangesNothing(ApplicationType type) {
        approve(IssuanceTestbed.approved(type));
        Snapshot once = registry.snapshot();
        clock.advance(java.time.Duration.ofMinutes(5));

        assertEquals(IssueOutcome.ALREADY_APPLIED, service.apply(IssueOrder.approved(NO, DECIDED)));

        assertEquals(List.of(), once.differences(registry.snapshot()));
    }

    @Test
    void anOrderThatOvertookTheDecisionIsNotYetDue() {
        registry.insert(IssuanceTestbed.approved(ApplicationType.FIRST_ISSUE).toBuilder().status(ApplicationStatus.UNDER_REVIEW)
                .decidedAt(null).decision(null).build());
        Snapshot before = registry.snapshot();

        assertThrows(NotYetDue.class, () -> service.apply(IssueOrder.approved(NO, DECIDED)));
        assertEquals(List.of(), before.differences(registry.snapshot()));
    }

    @Test
    void anOrderForARejectedOrUnknownApplicationIsDropped() {
        registry.insert(IssuanceTestbed.approved(ApplicationType.FIRST_ISSUE).toBuilder().status(ApplicationStatus.REJECTED).build());
        Snapshot before = registry.snapshot();

        assertEquals(IssueOutcome.DROPPED, service.apply(IssueOrder.approved(NO, DECIDED)));
        assertEquals(IssueOutcome.DROPPED, service.apply(IssueOrder.approved("W2026112000999", DECIDED)));
        assertEquals(List.of(), before.differences(registry.snapshot()));
    }

    @ParameterizedTest
    @EnumSource(ApplicationType.class)
    void theEffectJoinsTheTrailOnceAsTheSystemsLineEvenWhenDeliveredAgain(ApplicationType type) {
        approve(IssuanceTestbed.approved(type));
        clock.advance(java.time.Duration.ofMinutes(5));
        service.apply(IssueOrder.approved(NO, DECIDED));

        List<ApplicationEvent> trail = registry.applicationRepository().events(NO);
        assertEquals(1, trail.size(), trail.toString());
        ApplicationEvent line = trail.getFirst();
        ApplicationEvent.Action expected = switch (type) {
            case TRANSFER_OUT -> ApplicationEvent.Action.CERTIFICATE_TRANSFERRED_OUT;
            case CANCELLATION -> ApplicationEvent.Action.CERTIFICATE_CANCELLED;
            default -> ApplicationEvent.Action.CERTIFICATE_ISSUED;
        };
        assertEquals(expected, line.action());
        assertEquals("system", line.actorRole());
        assertEquals(ISSUER_USCC, line.actor());
        assertEquals(application().effectAppliedAt(), line.at(), "written with the mark, in one write");
    }

    @ParameterizedTest
    @EnumSource(ApplicationType.class)
    void theClaimsHeldUntilTheEffectIsAppliedAreReleasedThen(ApplicationType type) {
        Application approved = IssuanceTestbed.approved(type);
        IssuanceTestbed.claim(registry, approved);
        assertFalse(registry.claims(ZHANG_ID).isEmpty());

        approve(approved);

        assertEquals(List.of(), registry.claims(ZHANG_ID));
    }

    @Test
    void aDeliveryAfterACrashBetweenTheMarkAndTheReleaseFinishesTheRelease() {
        Application approved = IssuanceTestbed.approved(ApplicationType.FIRST_ISSUE).toBuilder().effectAppliedAt(DECIDED).build();
        IssuanceTestbed.claim(registry, approved);

        assertEquals(IssueOutcome.ALREADY_APPLIED, approve(approved));

        assertEquals(List.of(), registry.claims(ZHANG_ID));
    }
}
