package anguan.domain.application;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.certificate.Position;
import anguan.domain.person.ExamResult;
import java.time.Instant;
import java.util.List;

/**
 * An application (申请) as filed by a person. Immutable: every change makes a new value with a
 * higher {@code version}, which the repository writes only over the version it read.
 *
 * @param certificates the certificates it acts on, as they stood when last prefilled
 * @param originalCertificate the national record of the out-of-province certificate (TRANSFER_IN)
 * @param exams the exam results that back the application (FIRST_ISSUE, RENEWAL)
 * @param photoKey the photo shown and printed: the registry's for FIRST_ISSUE and TRANSFER_IN, the certificate's otherwise
 * @param submittedAt set by 签名上报, cleared by any later save
 * @param deletedAt set when the person deleted it; a deleted application is gone for every reader
 * @param issued the certificate numbers drawn for the certificate its approval creates (FIRST_ISSUE,
 *               TRANSFER_IN), in the order drawn: recorded before the certificate is written, so a
 *               redelivered order reuses the last one; earlier ones clashed with migrated certificates
 * @param effectAppliedAt when the effect of its approval was applied in full; a later order does nothing
 */
public record Application(String applicationNo, ApplicationType type, ApplicationStatus status, Applicant applicant,
                          ApplicationEnterprise enterprise, Category category, Position position,
                          List<Certificate> certificates, String originalCertificateNo,
                          ExternalCertificate originalCertificate, List<ExamResult> exams, CancelReason cancelReason,
                          String cancelReasonText, boolean consent, String photoKey, Instant createdAt,
                          Instant updatedAt, Instant submittedAt, Instant personalSignedAt, Instant enterpriseSignedAt,
                          Instant decidedAt, DecisionResult decision, List<DocumentRef> documents, long version,
                          Instant deletedAt, List<String> issued, Instant effectAppliedAt) {

    public Application {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        exams = exams == null ? List.of() : List.copyOf(exams);
        documents = documents == null ? List.of() : List.copyOf(documents);
        issued = issued == null ? List.of() : List.copyOf(issued);
    }

    /** Whether the effect of the approval has been applied in full (certificates written, notices handed over). */
    public boolean isEffectApplied() {
        return effectAppliedAt != null;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isSubmitted() {
        return submittedAt != null;
    }

    /** Neither deleted nor decided: it still blocks another application for the same certificate. */
    public boolean isOpen() {
        return !isDeleted() && !status.isDecided();
    }

    public String applicantIdNo() {
        return applicant.idNo();
    }

    /**
     * When it entered its status: the decision for APPROVED and REJECTED, the enterprise's
     * signature (受理) for UNDER_REVIEW, its creation otherwise (and whenever the instant the status
     * would name is missing). The reviewers' lists are windows on this instant, so what they read
     * is bounded by the window, not by how many applications were ever decided.
     */
    public Instant enteredStatusAt() {
        Instant entered = status.isDecided() ? decidedAt
                : status == ApplicationStatus.UNDER_REVIEW ? enterpriseSignedAt : createdAt;
        return entered != null ? entered : createdAt;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds changed copies; the record stays the single source of the fields. */
    public static final class Builder {
        private String applicationNo;
        private ApplicationType type;
        private ApplicationStatus status = ApplicationStatus.DRAFT;
        private Applicant applicant;
        private ApplicationEnterprise enterprise;
        private Category category;
        private Position position;
        private List<Certificate> certificates = List.of();
        private String originalCertificateNo;
        private ExternalCertificate originalCertificate;
        private List<ExamResult> exams = List.of();
        private CancelReason cancelReason;
        private String cancelReasonText;
        private boolean consent;
        private String photoKey;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant submittedAt;
        private Instant personalSignedAt;
        private Instant enterpriseSignedAt;
        private Instant decidedAt;
        private DecisionResult decision;
        private List<DocumentRef> documents = List.of();
        private long version;
        private Instant deletedAt;
        private List<String> issued = List.of();
        private Instant effectAppliedAt;

        private Builder() {
        }

        private Builder(Application a) {
            applicationNo = a.applicationNo;
            type = a.type;
            status = a.status;
            applicant = a.applicant;
            enterprise = a.enterprise;
            category = a.category;
            position = a.position;
            certificates = a.certificates;
            originalCertificateNo = a.originalCertificateNo;
            originalCertificate = a.originalCertificate;
            exams = a.exams;
            cancelReason = a.cancelReason;
            cancelReasonText = a.cancelReasonText;
            consent = a.consent;
            photoKey = a.photoKey;
            createdAt = a.createdAt;
            updatedAt = a.updatedAt;
            submittedAt = a.submittedAt;
            personalSignedAt = a.personalSignedAt;
            enterpriseSignedAt = a.enterpriseSignedAt;
            decidedAt = a.decidedAt;
            decision = a.decision;
            documents = a.documents;
            version = a.version;
            deletedAt = a.deletedAt;
            issued = a.issued;
            effectAppliedAt = a.effectAppliedAt;
        }

        public Builder applicationNo(String v) { applicationNo = v; return this; }
        public Builder type(ApplicationType v) { type = v; return this; }
        public Builder status(ApplicationStatus v) { status = v; return this; }
        public Builder applicant(Applicant v) { applicant = v; return this; }
        public Builder enterprise(ApplicationEnterprise v) { enterprise = v; return this; }
        public Builder category(Category v) { category = v; return this; }
        public Builder position(Position v) { position = v; return this; }
        public Builder certificates(List<Certificate> v) { certificates = v; return this; }
        public Builder originalCertificateNo(String v) { originalCertificateNo = v; return this; }
        public Builder originalCertificate(ExternalCertificate v) { originalCertificate = v; return this; }
        public Builder exams(List<ExamResult> v) { exams = v; return this; }
        public Builder cancelReason(CancelReason v) { cancelReason = v; return this; }
        public Builder cancelReasonText(String v) { cancelReasonText = v; return this; }
        public Builder consent(boolean v) { consent = v; return this; }
        public Builder photoKey(String v) { photoKey = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder submittedAt(Instant v) { submittedAt = v; return this; }
        public Builder personalSignedAt(Instant v) { personalSignedAt = v; return this; }
        public Builder enterpriseSignedAt(Instant v) { enterpriseSignedAt = v; return this; }
        public Builder decidedAt(Instant v) { decidedAt = v; return this; }
        public Builder decision(DecisionResult v) { decision = v; return this; }
        public Builder documents(List<DocumentRef> v) { documents = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder deletedAt(Instant v) { deletedAt = v; return this; }
        public Builder issued(List<String> v) { issued = v; return this; }
        public Builder effectAppliedAt(Instant v) { effectAppliedAt = v; return this; }

        public Application build() {
            return new Application(applicationNo, type, status, applicant, enterprise, category, position,
                    certificates, originalCertificateNo, originalCertificate, exams, cancelReason, cancelReasonText,
                    consent, photoKey, createdAt, updatedAt, submittedAt, personalSignedAt, enterpriseSignedAt,
                    decidedAt, decision, documents, version, deletedAt, issued, effectAppliedAt);
        }
    }
}
