package anguan.domain.application.check;

import anguan.domain.application.Application;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateNumber;
import anguan.domain.person.Employment;
import anguan.domain.person.IdNumber;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What several checks read from the snapshot, said once so that they all read it the same way. */
final class SubmitFacts {
    private SubmitFacts() {
    }

    /** ID numbers compared as stored, forgiving case and spaces (a lowercase x, a passport letter). */
    static boolean sameIdNo(String a, String b) {
        return a != null && b != null && IdNumber.normalize(a).equals(IdNumber.normalize(b));
    }

    /** Certificate numbers compared in their stored form, whatever parentheses were typed. */
    static boolean sameCertificateNo(String a, String b) {
        return a != null && b != null && CertificateNumber.normalize(a).equals(CertificateNumber.normalize(b));
    }

    static String applicantIdNo(SubmitContext context) {
        Application application = context.application();
        return application.applicant() == null ? null : application.applicantIdNo();
    }

    /** The applicant's Shanghai certificates; a record of someone else is never taken for theirs. */
    static List<Certificate> ownCertificates(SubmitContext context) {
        String idNo = applicantIdNo(context);
        return context.certificates().stream().filter(c -> sameIdNo(c.idNo(), idNo)).toList();
    }

    /** The applicant's certificate of that number as the repository has it now, not as prefilled. */
    static Optional<Certificate> ownCertificate(SubmitContext context, String certificateNo) {
        return ownCertificates(context).stream()
                .filter(c -> sameCertificateNo(c.certificateNo(), certificateNo))
                .findFirst();
    }

    /**
     * The category the application would give a certificate of: the one picked (考核发证), or the
     * national record's (进沪换证) when the service has not copied it onto the application.
     */
    static Category targetCategory(Application application) {
        if (application.category() != null) {
            return application.category();
        }
        return application.originalCertificate() == null ? null : application.originalCertificate().category();
    }

    static String enterpriseUscc(Application application) {
        return application.enterprise() == null ? null : application.enterprise().uscc();
    }

    static List<Employment> currentEmployments(SubmitContext context) {
        return context.employments().stream().filter(e -> e.isCurrentOn(context.today())).toList();
    }

    static boolean isAtOtherEnterprise(Certificate certificate, Application application) {
        return !Objects.equals(certificate.uscc(), enterpriseUscc(application));
    }
}
