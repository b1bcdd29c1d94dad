package anguan.domain.application.check;

import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.Validity;
import anguan.domain.common.Violation;
import java.time.LocalDate;
import java.util.List;

/**
 * 证书延期办理期: a renewal is filed in the last three months of validity, from
 * {@code validTo.minusMonths(3)} to {@code validTo}, both included. Judged only for a certificate
 * that is valid: an expired one cannot be renewed at all, which CertificateHeldAndValid says.
 */
public final class RenewalWindowOpen implements SubmitCheck {
    @Override
    public List<Violation> check(SubmitContext context) {
        LocalDate today = context.today();
        return context.application().certificates().stream()
                .flatMap(picked -> SubmitFacts.ownCertificate(context, picked.certificateNo()).stream())
                .filter(c -> c.isValidOn(today))
                .filter(c -> !Validity.isRenewalWindowOpen(c.validTo(), today))
                .map(RenewalWindowOpen::violation)
                .toList();
    }

    private static Violation violation(Certificate c) {
        return ViolationCode.RENEWAL_WINDOW_CLOSED.violation("certificateNo",
                "证书延期须在有效期截止前3个月内办理（%s 至 %s）".formatted(
                        Validity.renewalWindowOpens(c.validTo()), c.validTo()));
    }
}
