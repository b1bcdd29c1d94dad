package anguan.aws.view;

import anguan.domain.certificate.PublicCertificate;
import java.time.LocalDate;

/**
 * 证书核验 JSON (API.md, Public): what the QR code of an e-certificate opens. The name is masked
 * to its first character and one star; neither ID number nor photo is part of it.
 */
public record PublicCertificateView(String certificateNo, String status, String statusCode, String statusName, String name,
                                    String category, String categoryName, String enterpriseName, LocalDate validFrom,
                                    LocalDate validTo, String licenceId) {

    public static PublicCertificateView of(PublicCertificate c) {
        return new PublicCertificateView(c.certificateNo(), c.status().name(), c.status().nationalCode(),
                c.status().displayName(), c.maskedName(), Views.code(c.category()), Views.name(c.category()),
                c.enterpriseName(), c.validFrom(), c.validTo(), c.licenceId());
    }
}
