package anguan.domain.certificate;

import anguan.domain.common.Masking;
import java.time.LocalDate;

/**
 * 证书核验: what anyone who scans an e-certificate's QR code may learn of it. The status is the
 * effective one (a lapsed certificate verifies as 失效, a withdrawn one as 注销 or 办理转出); the
 * holder's name is masked to its first character ({@link Masking#publicName}); the ID number and
 * the photo are never part of it, whoever asks.
 */
public record PublicCertificate(String certificateNo, CertificateStatus status, String maskedName, Category category,
                                String enterpriseName, LocalDate validFrom, LocalDate validTo, String licenceId) {

    public static PublicCertificate of(Certificate c, LocalDate today) {
        return new PublicCertificate(c.certificateNo(), c.effectiveStatus(today), Masking.publicName(c.name()), c.category(),
                c.enterpriseName(), c.validFrom(), c.validTo(), c.licenceId());
    }
}
