package anguan.domain.issuance;

import anguan.domain.application.Applicant;
import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEnterprise;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.CancelReason;
import anguan.domain.application.DecisionResult;
import anguan.domain.application.claim.Claim;
import anguan.domain.application.claim.ClaimTarget;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateNumber;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.certificate.LicenceId;
import anguan.domain.certificate.Position;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.person.Person;
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.TextECertificates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The issuance service over the in-memory ports, with one approved application of each type
 * seeded straight into the store: 张三 holds a C3 certificate in its renewal window and an A
 * certificate at {@link #USCC}, and is now employed at {@link #NEW_USCC}; her Shandong C1 record
 * has been transferred out. Decided on 2026-11-27 (10:00 Shanghai).
 */
final class IssuanceTestbed {
    static final Instant DECIDED = Instant.parse("2026-11-27T02:00:00Z");
    static final String ZHANG_ID = "11010519491231002X";
    static final String ZHANG_MOBILE = "13812345678";
    static final String LI_ID = "310101199001011234";
    static final String USCC = "91350100M000100Y43";
    static final String ENTERPRISE = "上海建工一建集团有限公司";
    static final String NEW_USCC = "91310115MA1H700004";
    static final String NEW_ENTERPRISE = "上海隧道工程有限公司";
    /** The authority's USCC in the 证照标识: a made-up valid code, as in local mode. */
    static final String ISSUER_USCC = "12310000425000000H";
    static final String VERIFY = "https://anguan.example/public/certificates";
    static final String PHOTO = "registry/photos/zhang.jpg";
    static final String C3_NO = "沪建安C3（2023）0000042";
    static final String A_NO = "沪建安A（2025）0000007";
    static final String NATIONAL_NO = "鲁建安C1（2023）0012345";
    static final String NO = "W2026112000001";

    private IssuanceTestbed() {
    }

    static void seed(InMemoryRegistry registry) {
        registry.save(new Enterprise(USCC, ENTERPRISE, "13987654321", null, DECIDED));
        registry.save(new Enterprise(NEW_USCC, NEW_ENTERPRISE, null, null, DECIDED));
        registry.save(new Person(ZHANG_ID, "张三", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, ZHANG_MOBILE, PHOTO, null, DECIDED));
        registry.put(PHOTO, new byte[] {1, 2, 3}, "image/jpeg");
        registry.save(c3());
        registry.put(c3().ofdKey(), "the first file".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/ofd");
        registry.save(a());
        registry.saveExternal(new ExternalCertificate(NATIONAL_NO, ZHANG_ID, "张三", Category.C1, "山东建工集团有限公司",
                LocalDate.of(2024, 3, 1), LocalDate.of(2027, 2, 28), true));
    }

    /** In its renewal window on the day of decision (ends 2027-01-31). */
    static Certificate c3() {
        return new Certificate(C3_NO, ZHANG_ID, "张三", Category.C3, Position.P08, USCC, ENTERPRISE, LocalDate.of(2021, 2, 1),
                LocalDate.of(2024, 2, 1), LocalDate.of(2027, 1, 31), CertificateStatus.VALID, "certificates/photos/zhang.jpg", 1,
                LicenceId.of(ISSUER_USCC, CertificateNumber.parse(C3_NO).orElseThrow(), 1), C3_NO + ".ofd",
                "certificates/" + C3_NO + "/001.ofd");
    }

    /** Migrated: no file here yet. */
    static Certificate a() {
        return new Certificate(A_NO, ZHANG_ID, "张三", Category.A, Position.P05, USCC, ENTERPRISE, LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 1), LocalDate.of(2028, 2, 28), CertificateStatus.VALID, null, 0, null, null);
    }

    static Application approved(ApplicationType type) {
        Application.Builder b = Application.builder().applicationNo(NO).type(type).status(ApplicationStatus.APPROVED)
                .applicant(new Applicant("张三", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, ZHANG_ID, ZHANG_MOBILE))
                .enterprise(new ApplicationEnterprise(USCC, ENTERPRISE, "021-12345678")).consent(true)
                .createdAt(DECIDED.minusSeconds(86_400 * 7)).updatedAt(DECIDED).enterpriseSignedAt(DECIDED.minusSeconds(86_400))
                .decidedAt(DECIDED).decision(new DecisionResult(DecisionResult.Outcome.APPROVE, "同意")).version(6);
        return switch (type) {
            case FIRST_ISSUE -> b.category(Category.C3).position(Position.P08).photoKey(PHOTO)
                    .enterprise(new ApplicationEnterprise(NEW_USCC, NEW_ENTERPRISE, "021-12345678")).build();
            case RENEWAL -> b.category(Category.C3).certificates(List.of(c3())).photoKey(c3().photoKey()).build();
            case EMPLOYER_CHANGE -> b.certificates(List.of(a(), c3()))
                    .enterprise(new ApplicationEnterprise(NEW_USCC, NEW_ENTERPRISE, "021-12345678")).build();
            case TRANSFER_IN -> b.category(Category.C1).position(Position.P08).photoKey(PHOTO).originalCertificateNo(NATIONAL_NO)
                    .enterprise(new ApplicationEnterprise(NEW_USCC, NEW_ENTERPRISE, "021-12345678")).build();
            case TRANSFER_OUT -> b.certificates(List.of(c3())).build();
            case CANCELLATION -> b.certificates(List.of(c3())).cancelReason(CancelReason.SELF_REQUEST).build();
        };
    }

    static CertificateIssuanceService service(InMemoryRegistry r, Clock clock) {
        return new CertificateIssuanceService(r.applicationRepository(), r.claimRepository(), r.certificateRepository(), r, r.enterpriseRepository(), r,
                new TextECertificates(), r, r.noticeQueue(), ISSUER_USCC, VERIFY, clock);
    }

    /** The ports in the constructor's order, for {@code CrashAndRetry.Rig#wire}. */
    static Object[] ports(InMemoryRegistry r, Clock clock) {
        return new Object[] {r.applicationRepository(), r.claimRepository(), r.certificateRepository(), r, r.enterpriseRepository(), r,
                new TextECertificates(), r, r.noticeQueue(), ISSUER_USCC, VERIFY, clock};
    }

    /** The claims its submit took (不得重复申请), as the submit left them: held until the effect is applied. */
    static void claim(InMemoryRegistry r, Application application) {
        for (ClaimTarget target : ClaimTarget.of(application)) {
            r.claimRepository().take(new Claim(application.applicantIdNo(), target, application.applicationNo(),
                    application.version() - 3, "submit"));
        }
    }
}
