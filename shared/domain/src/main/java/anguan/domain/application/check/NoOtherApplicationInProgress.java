package anguan.domain.application.check;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationType;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.common.Violation;
import java.util.List;
import java.util.Objects;

/**
 * 不得重复申请: no other application of the same person for the same certificate is open (neither
 * deleted nor decided). For the applications that create a certificate (考核发证, 进沪换证) "the same
 * certificate" means the same category, and for 进沪换证 also the same out-of-province number; for
 * the others, any certificate both applications act on.
 */
public final class NoOtherApplicationInProgress implements SubmitCheck {

    @Override
    public List<Violation> check(SubmitContext context) {
        Application self = context.application();
        return context.otherApplications().stream()
                .filter(Application::isOpen)
                .filter(other -> !Objects.equals(other.applicationNo(), self.applicationNo()))
                .filter(other -> conflicts(self, other))
                .map(other -> ViolationCode.APPLICATION_IN_PROGRESS.violation(field(self.type()),
                        "您已有正在办理中的%s申请（申请编号 %s），请待其办结或删除后再申请".formatted(
                                other.type().displayName(), other.applicationNo())))
                .toList();
    }

    private static boolean conflicts(Application self, Application other) {
        if (createsCertificate(self.type())) {
            return sameTargetCategory(self, other) || sameOriginal(self, other);
        }
        return shareCertificate(self, other);
    }

    private static boolean createsCertificate(ApplicationType type) {
        return type == ApplicationType.FIRST_ISSUE || type == ApplicationType.TRANSFER_IN;
    }

    /**
     * Both ways round, so two new certificates of one category can never be under way at once,
     * whichever was filed first.
     */
    private static boolean sameTargetCategory(Application self, Application other) {
        Category category = SubmitFacts.targetCategory(self);
        return category != null && createsCertificate(other.type())
                && category == SubmitFacts.targetCategory(other);
    }

    private static boolean sameOriginal(Application self, Application other) {
        return self.type() == ApplicationType.TRANSFER_IN && other.type() == ApplicationType.TRANSFER_IN
                && SubmitFacts.sameCertificateNo(self.originalCertificateNo(), other.originalCertificateNo());
    }

    private static boolean shareCertificate(Application self, Application other) {
        return self.certificates().stream().map(Certificate::certificateNo).anyMatch(no ->
                other.certificates().stream().anyMatch(c -> SubmitFacts.sameCertificateNo(c.certificateNo(), no)));
    }

    private static String field(ApplicationType type) {
        return switch (type) {
            case FIRST_ISSUE -> "category";
            case TRANSFER_IN -> "originalCertificateNo";
            case EMPLOYER_CHANGE -> "certificates";
            case RENEWAL, TRANSFER_OUT, CANCELLATION -> "certificateNo";
        };
    }
}
