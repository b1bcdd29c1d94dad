package anguan.registry;

import anguan.aws.config.Platform;
import anguan.aws.http.ApiRequest;
import anguan.aws.http.ApiResponse;
import anguan.aws.http.HttpFunction;
import anguan.aws.http.Routes;
import anguan.domain.registry.Feeds;
import anguan.domain.registry.RegistryService;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;

/** 注册信息: the registries' feeds (role system). Every route is an idempotent upsert. */
public final class RegistryHandler extends HttpFunction {
    private static final String SYSTEM = "system";
    private static final int MAX_BODY = 64 * 1024;
    /** A person's feed may carry a photo (50 KiB) and a signature image (20 KiB) in base64. */
    private static final int MAX_PERSON_BODY = 128 * 1024;

    /** Lambda's entry: everything built once per container. */
    public RegistryHandler() {
        this(Platform.fromEnvironment());
    }

    public RegistryHandler(Platform platform) {
        this(new RegistryService(platform.persons(), platform.enterprises(), platform.certificates(),
                platform.documents(), platform.clock()), platform.clock());
    }

    RegistryHandler(RegistryService registry, Clock clock) {
        RegistryViews views = new RegistryViews(clock);
        super(new Routes()
                .on("PUT /registry/persons/{idNo}", SYSTEM, r -> ApiResponse.ok(views.person(
                        registry.upsertPerson(r.path("idNo"), r.body(Feeds.PersonFeed.class, MAX_PERSON_BODY)))))
                .on("PUT /registry/enterprises/{uscc}", SYSTEM, r -> ApiResponse.ok(views.enterprise(
                        registry.upsertEnterprise(r.path("uscc"), r.body(Feeds.EnterpriseFeed.class, MAX_BODY)))))
                .on("PUT /registry/employments/{idNo}/{uscc}", SYSTEM, r -> ApiResponse.ok(views.employment(
                        registry.upsertEmployment(r.path("idNo"), r.path("uscc"), r.body(Feeds.EmploymentFeed.class, MAX_BODY)))))
                .on("DELETE /registry/employments/{idNo}/{uscc}", SYSTEM, r -> endEmployment(registry, r))
                .on("POST /registry/exam-results", SYSTEM, r -> ApiResponse.ok(views.exam(
                        registry.recordExam(r.body(Feeds.ExamFeed.class, MAX_BODY)))))
                .on("PUT /registry/external-certificates/{certificateNo}", SYSTEM, r -> ApiResponse.ok(views.external(
                        registry.upsertExternalCertificate(r.path("certificateNo"), r.body(Feeds.ExternalCertificateFeed.class, MAX_BODY)))))
                .on("PUT /registry/certificates/{certificateNo}", SYSTEM, r -> ApiResponse.ok(views.certificate(
                        registry.migrateCertificate(r.path("certificateNo"), r.body(Feeds.CertificateFeed.class, MAX_BODY))))));
    }


    private static APIGatewayV2HTTPResponse endEmployment(RegistryService registry, ApiRequest r) {
        registry.endEmployment(r.path("idNo"), r.path("uscc"));
        return ApiResponse.noContent();
    }
}
