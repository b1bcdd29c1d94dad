package anguan.domain.application;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;

/** What the person picks when starting an application; which fields matter depends on the type. */
public record NewApplication(ApplicationType type, Category category, Position position, String certificateNo,
                             String originalCertificateNo, String uscc) {
}
