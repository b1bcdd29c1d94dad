package anguan.aws.view;

import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.common.Masking;
import java.time.LocalDate;

/**
 * Certificate JSON (API.md). The status is the effective one: past its end date a certificate
 * shows as EXPIRED whatever is stored. The ID number is always masked.
 */
public record CertificateView(String certificateNo, String name, String idNo, String category, String categoryName,
                              String position, String positionName, String enterpriseName, String uscc,
                              LocalDate firstIssueDate, LocalDate validFrom, LocalDate validTo, String status,
                              String statusCode, String statusName, String licenceId, String ofdFileName) {

    public static CertificateView of(Certificate c, LocalDate today) {
        CertificateStatus status = c.effectiveStatus(today);
        return new CertificateView(c.certificateNo(), c.name(), Masking.idNumber(c.idNo()), Views.code(c.category()),
                Views.name(c.category()), Views.code(c.position()), Views.name(c.position()), c.enterpriseName(), c.uscc(),
                c.firstIssueDate(), c.validFrom(), c.validTo(), status.name(), status.nationalCode(), status.displayName(),
                c.licenceId(), c.ofdFileName());
    }

    /** An out-of-province certificate in the same shape; its status is what the national record says. */
    public static CertificateView of(ExternalCertificate c, LocalDate today) {
        CertificateStatus status = c.isExpiredOn(today) ? CertificateStatus.EXPIRED
                : c.transferredOut() ? CertificateStatus.TRANSFERRED_OUT : CertificateStatus.VALID;
        return new CertificateView(c.certificateNo(), c.name(), Masking.idNumber(c.idNo()), Views.code(c.category()),
                Views.name(c.category()), null, null, c.enterpriseName(), null, null, c.validFrom(), c.validTo(),
                status.name(), status.nationalCode(), status.displayName(), null, null);
    }
}
