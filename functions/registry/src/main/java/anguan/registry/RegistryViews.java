package anguan.registry;

import anguan.aws.view.CertificateView;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.Masking;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.person.Employment;
import anguan.domain.person.ExamResult;
import anguan.domain.person.Person;
import anguan.domain.certificate.Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The stored records as the feeds get them back: ID numbers and mobiles masked, images as
 * presence flags, never a password or its hash.
 */
final class RegistryViews {
    private final Clock clock;

    RegistryViews(Clock clock) {
        this.clock = clock;
    }

    record PersonView(String idNo, String name, String gender, LocalDate birthDate, String idType, String mobile,
                      boolean hasPhoto, boolean hasSignatureImage, OffsetDateTime updatedAt) {
    }

    record EnterpriseView(String uscc, String name, String contactMobile, boolean hasSigningPassword, OffsetDateTime updatedAt) {
    }

    record EmploymentView(String idNo, String uscc, LocalDate since, LocalDate until) {
    }

    record ExamView(String idNo, String examType, String category, LocalDate examDate, boolean passed) {
    }

    /** The national record as stored, with the status it amounts to today. */
    record ExternalCertificateView(String certificateNo, String idNo, String name, String category, String categoryName,
                                   String enterpriseName, LocalDate validFrom, LocalDate validTo, boolean transferredOut,
                                   String status, String statusCode, String statusName) {
    }

    PersonView person(Person p) {
        return new PersonView(Masking.idNumber(p.idNo()), p.name(), p.gender().name(), p.birthDate(), p.idType().name(),
                Masking.mobile(p.mobile()), p.photoKey() != null, p.signatureImageKey() != null, BusinessTime.local(p.updatedAt()));
    }

    EnterpriseView enterprise(Enterprise e) {
        return new EnterpriseView(e.uscc(), e.name(), Masking.mobile(e.contactMobile()), e.signingPasswordHash() != null,
                BusinessTime.local(e.updatedAt()));
    }

    EmploymentView employment(Employment e) {
        return new EmploymentView(Masking.idNumber(e.idNo()), e.uscc(), e.since(), e.until());
    }

    ExamView exam(ExamResult e) {
        return new ExamView(Masking.idNumber(e.idNo()), e.examType().name(), e.category().name(), e.examDate(), e.passed());
    }

    ExternalCertificateView external(ExternalCertificate c) {
        CertificateView shown = CertificateView.of(c, BusinessTime.today(clock));
        return new ExternalCertificateView(c.certificateNo(), shown.idNo(), c.name(), shown.category(), shown.categoryName(),
                c.enterpriseName(), c.validFrom(), c.validTo(), c.transferredOut(), shown.status(), shown.statusCode(),
                shown.statusName());
    }

    CertificateView certificate(Certificate c) {
        return CertificateView.of(c, BusinessTime.today(clock));
    }
}
