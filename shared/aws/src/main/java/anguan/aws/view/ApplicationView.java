package anguan.aws.view;

import anguan.domain.application.Applicant;
import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEnterprise;
import anguan.domain.application.DecisionResult;
import anguan.domain.application.DocumentRef;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.Masking;
import anguan.domain.common.PhoneNumber;
import anguan.domain.person.ExamResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Application JSON (API.md): codes with names beside them; the applicant's ID number and mobile masked. */
public record ApplicationView(String applicationNo, String type, String typeName, String status, String statusName,
                              ApplicantView applicant, EnterpriseView enterprise, String category,
                              String categoryName, String position, String positionName,
                              List<CertificateView> certificates, String originalCertificateNo,
                              CertificateView originalCertificate, List<ExamView> exams, String cancelReason,
                              String cancelReasonName, String cancelReasonText, boolean consent,
                              OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime submittedAt,
                              OffsetDateTime personalSignedAt, OffsetDateTime enterpriseSignedAt,
                              OffsetDateTime decidedAt, DecisionResult decision, List<DocumentView> documents,
                              DocumentView form, SignatureView signature, SignatureView enterpriseSignature,
                              boolean hasPhoto, long version) {

    public record ApplicantView(String name, String gender, String genderName, LocalDate birthDate, String idType,
                                String idTypeName, String idNo, String mobile) {
        static ApplicantView of(Applicant a) {
            return new ApplicantView(a.name(), Views.code(a.gender()), Views.name(a.gender()), a.birthDate(),
                    Views.code(a.idType()), Views.name(a.idType()), Masking.idNumber(a.idNo()), Masking.mobile(a.mobile()));
        }
    }

    /** The enterprise block; a contact phone that is a mobile is someone's mobile, so it is masked like one. */
    public record EnterpriseView(String uscc, String name, String phone) {
        static EnterpriseView of(ApplicationEnterprise e) {
            if (e == null) {
                return null;
            }
            String phone = PhoneNumber.isValidMobile(e.phone()) ? Masking.mobile(e.phone()) : e.phone();
            return new EnterpriseView(e.uscc(), e.name(), phone);
        }
    }

    public record ExamView(String examType, String examTypeName, String category, String categoryName, LocalDate examDate) {
        static ExamView of(ExamResult e) {
            return new ExamView(Views.code(e.examType()), Views.name(e.examType()), Views.code(e.category()),
                    Views.name(e.category()), e.examDate());
        }
    }

    public record DocumentView(String kind, String fileName) {
    }

    /**
     * A signature as API.md shows it: when, and the file that carries it (the person's: the 申请表;
     * the enterprise's: the {@code _sign.pdf} with both signatures).
     */
    public record SignatureView(OffsetDateTime signedAt, String fileName) {
        static SignatureView of(Instant signedAt, Application a, String kind) {
            if (signedAt == null) {
                return null;
            }
            return new SignatureView(BusinessTime.local(signedAt), a.documents().stream().filter(d -> d.kind().equals(kind))
                    .findFirst().map(DocumentRef::fileName).orElse(null));
        }
    }

    public static ApplicationView of(Application a, LocalDate today) {
        return new ApplicationView(a.applicationNo(), Views.code(a.type()), Views.name(a.type()), Views.code(a.status()),
                Views.name(a.status()), ApplicantView.of(a.applicant()), EnterpriseView.of(a.enterprise()), Views.code(a.category()),
                Views.name(a.category()), Views.code(a.position()), Views.name(a.position()),
                a.certificates().stream().map(c -> CertificateView.of(c, today)).toList(), a.originalCertificateNo(),
                a.originalCertificate() == null ? null : CertificateView.of(a.originalCertificate(), today),
                a.exams().stream().map(ExamView::of).toList(), Views.code(a.cancelReason()), Views.name(a.cancelReason()),
                a.cancelReasonText(), a.consent(), BusinessTime.local(a.createdAt()), BusinessTime.local(a.updatedAt()),
                BusinessTime.local(a.submittedAt()), BusinessTime.local(a.personalSignedAt()), BusinessTime.local(a.enterpriseSignedAt()),
                BusinessTime.local(a.decidedAt()), a.decision(),
                a.documents().stream().map(d -> new DocumentView(d.kind(), d.fileName())).toList(),
                // the submit's answer names the form it rendered (API.md: form {fileName})
                a.documents().stream().filter(d -> d.kind().equals("form")).findFirst()
                        .map(d -> new DocumentView(d.kind(), d.fileName())).orElse(null),
                SignatureView.of(a.personalSignedAt(), a, "form"), SignatureView.of(a.enterpriseSignedAt(), a, "signed-form"),
                a.photoKey() != null, a.version());
    }
}
