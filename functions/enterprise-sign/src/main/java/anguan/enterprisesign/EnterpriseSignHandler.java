package anguan.enterprisesign;

import anguan.aws.config.Platform;
import anguan.aws.config.SigningSecrets;
import anguan.aws.http.ApiRequest;
import anguan.aws.http.ApiResponse;
import anguan.aws.http.HttpFunction;
import anguan.aws.http.Routes;
import anguan.aws.view.ApplicationView;
import anguan.aws.view.DownloadView;
import anguan.aws.view.EventView;
import anguan.aws.view.PageView;
import anguan.domain.application.Application;
import anguan.domain.application.ApplicationDocuments;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.DomainProblem;
import anguan.domain.signing.EnterpriseSigningService;
import anguan.pdf.ca.SigningMaterial;
import anguan.pdf.notice.AcceptanceNotice;
import anguan.pdf.signing.PlatformFormSigner;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * 企业签章 (role enterprise, the caller's {@code uscc}): the applications naming the enterprise, their
 * details, trail and files (read-only), and its signature, by 签章密码 or by a hardware token in two
 * phases (prepare → the token signs the digest → complete). The signature accepts the application
 * (受理): UNDER_REVIEW, the 行政审批受理通知书 rendered, the person told.
 *
 * <p>{@code GET /enterprise/applications} shows by default what waits for the enterprise's signature
 * (申请事项企业确认, status AWAITING_ENTERPRISE); {@code status=ALL}, an addition to API.md, shows every
 * status it may see (申请事项查询); any other status code filters by it. {@code name} matches part of
 * the applicant's name, {@code idNo} the whole ID number, {@code from}/{@code to} the days the person
 * signed (both included).
 *
 * <p>The 签章密码 never appears in a response, a log line or an error.
 */
public final class EnterpriseSignHandler extends HttpFunction {
    private static final String ENTERPRISE = "enterprise";
    private static final int MAX_BODY = 64 * 1024;

    /**
     * Lambda's entry: everything built once per container, the signing material opened here (its
     * files locally, two Secrets Manager secrets in AWS), so no request waits for it.
     */
    public EnterpriseSignHandler() {
        Platform platform = Platform.fromEnvironment();
        SigningSecrets secrets = SigningSecrets.fromEnvironment();
        SigningMaterial material = SigningMaterial.open(secrets.material(), secrets.keyEncryptionKey());
        this(new EnterpriseSigningService(platform.applications(), platform.enterprises(), platform.persons(),
                        platform.signingLocks(), platform.signingSessions(),
                        new PlatformFormSigner(material.ca(), material.kek(), material.pepper(), platform.signingCredentials()),
                        new AcceptanceNotice(material.authority(), material.ca()), platform.documents(), platform.noticeQueue(),
                        new SecureRandom(), platform.clock()),
                new ApplicationDocuments(platform.applications(), platform.documents()), platform.clock());
    }

    EnterpriseSignHandler(EnterpriseSigningService service, ApplicationDocuments downloads, Clock clock) {
        super(new Routes()
                .on("GET /enterprise/applications", ENTERPRISE, r -> ApiResponse.ok(PageView.of(
                        service.list(uscc(r), EnterpriseRequests.query(r)), a -> view(a, clock))))
                .on("GET /enterprise/applications/{no}", ENTERPRISE, r -> ApiResponse.ok(view(service.get(uscc(r), r.path("no")), clock)))
                .on("GET /enterprise/applications/{no}/events", ENTERPRISE, r -> ApiResponse.ok(Map.of("items",
                        service.events(uscc(r), r.path("no")).stream().map(EventView::of).toList())))
                .on("GET /enterprise/applications/{no}/documents/{kind}", ENTERPRISE, r -> ApiResponse.ok(DownloadView.of(
                        downloads.forEnterprise(uscc(r), r.path("no"), r.path("kind")))))
                .on("POST /enterprise/applications/{no}/signature", ENTERPRISE, r -> {
                    var body = r.body(EnterpriseRequests.SignWithPassword.class, MAX_BODY);
                    return ApiResponse.ok(view(service.signWithPassword(uscc(r), r.path("no"), body.consent(), body.signingPassword()), clock));
                })
                .on("POST /enterprise/applications/{no}/signature/prepare", ENTERPRISE, r -> {
                    var body = r.body(EnterpriseRequests.Prepare.class, MAX_BODY);
                    return ApiResponse.ok(SigningSessionView.of(service.prepare(uscc(r), r.path("no"), body.consent(),
                            EnterpriseRequests.base64("certificate", body.certificate()))));
                })
                .on("POST /enterprise/applications/{no}/signature/complete", ENTERPRISE, r -> {
                    var body = r.body(EnterpriseRequests.Complete.class, MAX_BODY);
                    return ApiResponse.ok(view(service.complete(uscc(r), r.path("no"), body.signingId(),
                            EnterpriseRequests.base64("cms", body.cms())), clock));
                }));
    }

    private static ApplicationView view(Application a, Clock clock) {
        return ApplicationView.of(a, BusinessTime.today(clock));
    }

    /** A token of the enterprise role without a USCC names no enterprise: nothing is its own. */
    private static String uscc(ApiRequest r) {
        String uscc = r.caller().uscc();
        if (uscc == null || uscc.isBlank()) {
            throw new DomainProblem(DomainProblem.Kind.FORBIDDEN, "FORBIDDEN", "登录凭证中没有统一社会信用代码", List.of());
        }
        return uscc;
    }
}
