package anguan.domain.application.check;

import anguan.domain.certificate.CertificateNumber;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.common.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * 进沪换证: the out-of-province certificate is on the national platform, belongs to the applicant,
 * is marked 办理转出, is not a 沪 number, has not expired and has not been exchanged already (a
 * record gives one 沪 number: once an approved 进沪换证 has used it, another cannot). Someone
 * else's record is reported as not found, so the check never tells who holds a number.
 */
public final class ExternalCertificateTransferable implements SubmitCheck {
    private static final String FIELD = "originalCertificateNo";

    @Override
    public List<Violation> check(SubmitContext context) {
        String idNo = SubmitFacts.applicantIdNo(context);
        // The number alone tells a 沪 certificate, whether or not the national platform lists it.
        boolean shanghai = CertificateNumber.parse(context.application().originalCertificateNo())
                .filter(CertificateNumber::isShanghai).isPresent();
        var found = context.external().filter(e -> SubmitFacts.sameIdNo(e.idNo(), idNo));
        if (found.isEmpty()) {
            return shanghai ? List.of(ViolationCode.EXTERNAL_IS_SHANGHAI.violation(FIELD))
                    : List.of(ViolationCode.EXTERNAL_CERTIFICATE_NOT_FOUND.violation(FIELD));
        }
        ExternalCertificate external = found.get();
        List<Violation> violations = new ArrayList<>();
        if (shanghai || CertificateNumber.parse(external.certificateNo()).filter(CertificateNumber::isShanghai).isPresent()) {
            violations.add(ViolationCode.EXTERNAL_IS_SHANGHAI.violation(FIELD));
        }
        if (!external.transferredOut()) {
            violations.add(ViolationCode.EXTERNAL_NOT_TRANSFERRED_OUT.violation(FIELD));
        }
        if (external.isExpiredOn(context.today())) {
            violations.add(ViolationCode.EXTERNAL_EXPIRED.violation(FIELD,
                    "该证书有效期已于%s截止，不能办理进沪换证".formatted(external.validTo())));
        }
        if (external.isUsed() && !external.usedBy().equals(context.application().applicationNo())) {
            violations.add(ViolationCode.EXTERNAL_ALREADY_EXCHANGED.violation(FIELD));
        }
        return violations;
    }
}
