package anguan.domain.application.check;

import anguan.domain.application.Application;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.Position;
import anguan.domain.common.Violation;
import java.util.List;

/**
 * 本人无其他类别证书（法人A证除外）在其他企业（机构）: the applicant's pledge that no valid certificate of
 * another category is held at another enterprise, except an A certificate held as 法定代表人. The
 * exception covers only that held certificate: applying for an A certificate as 法定代表人 does not
 * excuse the applicant's other certificates at other enterprises.
 */
public final class NoValidCertificateAtOtherEnterprise implements SubmitCheck {
    @Override
    public List<Violation> check(SubmitContext context) {
        Application application = context.application();
        Category category = SubmitFacts.targetCategory(application);
        // Without the category or the enterprise there is nothing to compare; other checks report those.
        if (category == null || SubmitFacts.enterpriseUscc(application) == null) {
            return List.of();
        }
        return SubmitFacts.ownCertificates(context).stream()
                .filter(c -> c.category() != category)
                .filter(c -> c.isValidOn(context.today()))
                .filter(c -> SubmitFacts.isAtOtherEnterprise(c, application))
                .filter(c -> !isLegalRepresentativeA(c.category(), c.position()))
                .map(NoValidCertificateAtOtherEnterprise::violation)
                .toList();
    }

    private static boolean isLegalRepresentativeA(Category category, Position position) {
        return category == Category.A && position == Position.P01;
    }

    private static Violation violation(Certificate c) {
        String where = c.enterpriseName() == null ? c.uscc() : c.enterpriseName();
        return ViolationCode.CERTIFICATE_AT_OTHER_ENTERPRISE.violation("category",
                "您在其他企业（%s）持有其他类别的有效证书%s，除法定代表人A证外不得同时在其他企业持证，请先办理该证书的受聘企业变更或注销"
                        .formatted(where, c.certificateNo()));
    }
}
