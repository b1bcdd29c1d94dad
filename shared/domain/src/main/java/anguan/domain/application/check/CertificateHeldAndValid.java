package anguan.domain.application.check;

import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.common.Violation;
import java.util.List;
import java.util.stream.Stream;

/**
 * 本人持有的有效证书: the certificate acted on (证书延期, 离沪变更, 证书注销) is the applicant's and valid
 * today, judged on the repository's current record, since it may have changed since the form was
 * prefilled, and on its effective status, since a certificate past its end date is 失效.
 */
public final class CertificateHeldAndValid implements SubmitCheck {
    private static final String FIELD = "certificateNo";

    @Override
    public List<Violation> check(SubmitContext context) {
        var picked = context.application().certificates();
        if (picked.isEmpty()) {
            return List.of(ViolationCode.CERTIFICATE_NOT_FOUND.violation(FIELD, "请选择要办理的证书"));
        }
        return picked.stream()
                .map(Certificate::certificateNo)
                .flatMap(no -> SubmitFacts.ownCertificate(context, no)
                        .map(c -> notValid(c, context).stream())
                        .orElseGet(() -> Stream.of(ViolationCode.CERTIFICATE_NOT_FOUND.violation(FIELD))))
                .toList();
    }

    private static List<Violation> notValid(Certificate certificate, SubmitContext context) {
        CertificateStatus status = certificate.effectiveStatus(context.today());
        if (status == CertificateStatus.VALID) {
            return List.of();
        }
        return List.of(ViolationCode.CERTIFICATE_NOT_VALID.violation(FIELD,
                "证书%s当前状态为“%s”，只有有效的证书才能办理%s".formatted(certificate.certificateNo(),
                        status.displayName(), context.application().type().displayName())));
    }
}
