package anguan.certificates;

import anguan.aws.config.Platform;
import anguan.aws.http.ApiRequest;
import anguan.aws.http.ApiResponse;
import anguan.aws.http.HttpFunction;
import anguan.aws.http.Routes;
import anguan.aws.view.CertificateView;
import anguan.aws.view.DownloadView;
import anguan.aws.view.PageView;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateService;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.DomainProblem;
import java.time.Clock;
import java.util.List;

/**
 * 证书: the person's own certificates (我的证书) and the enterprise's (证书查询), the download of
 * their e-certificates (a 5-minute link to the OFD), and the public verification that an
 * e-certificate's QR code opens (证书核验, no login: JSON, or a small HTML page for a phone's browser).
 * Reads only: the certificates are written by the registry's migration and by issue-certificate.
 */
public final class CertificatesHandler extends HttpFunction {
    private static final String PERSON = "person";
    private static final String ENTERPRISE = "enterprise";

    /** Lambda's entry: everything built once per container; the S3 presigner only on the first download. */
    public CertificatesHandler() {
        Platform platform = Platform.fromEnvironment();
        this(new CertificateService(platform.certificates(), platform.documents(), platform.clock()), platform.clock());
    }

    CertificatesHandler(CertificateService service, Clock clock) {
        super(new Routes()
                .on("GET /certificates", PERSON, r -> ApiResponse.ok(PageView.of(
                        service.ofHolder(holder(r), CertificateRequests.own(r)), c -> view(c, clock))))
                .on("GET /certificates/{certificateNo}/ofd", PERSON, r -> ApiResponse.ok(DownloadView.of(
                        service.downloadForHolder(holder(r), r.path("certificateNo")))))
                .on("GET /enterprise/certificates", ENTERPRISE, r -> ApiResponse.ok(PageView.of(
                        service.atEnterprise(enterprise(r), CertificateRequests.enterprise(r)), c -> view(c, clock))))
                .on("GET /enterprise/certificates/{certificateNo}/ofd", ENTERPRISE, r -> ApiResponse.ok(DownloadView.of(
                        service.downloadForEnterprise(enterprise(r), r.path("certificateNo")))))
                .onPublic("GET /public/certificates/{certificateNo}", r -> Verification.answer(r, service)));
    }

    /** A person's token without an ID number names no holder: nothing is theirs. */
    private static String holder(ApiRequest r) {
        return named(r.caller().idNo(), "身份证件号码");
    }

    /** An enterprise's token without a USCC names no enterprise: nothing is printed with it. */
    private static String enterprise(ApiRequest r) {
        return named(r.caller().uscc(), "统一社会信用代码");
    }

    private static String named(String claim, String what) {
        if (claim == null || claim.isBlank()) {
            throw new DomainProblem(DomainProblem.Kind.FORBIDDEN, "FORBIDDEN", "登录凭证中没有" + what, List.of());
        }
        return claim;
    }

    private static CertificateView view(Certificate c, Clock clock) {
        return CertificateView.of(c, BusinessTime.today(clock));
    }
}
