package anguan.submit;

import anguan.aws.config.Platform;
import anguan.aws.dynamo.DynamoClaimRepository;
import anguan.aws.http.ApiRequest;
import anguan.aws.http.ApiResponse;
import anguan.aws.http.HttpFunction;
import anguan.aws.http.Routes;
import anguan.aws.view.EventView;
import anguan.domain.application.ApplicationQuery;
import anguan.domain.application.ApplicationService;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.FormRenderer;
import anguan.domain.common.DomainProblem;
import anguan.pdf.form.ApplicationForm;
import anguan.pdf.form.UnprintableTextException;
import java.time.Clock;
import java.util.Map;

/** 个人填报与签名上报 (role person): the person's own profile and applications up to the submit. */
public final class SubmitHandler extends HttpFunction {
    private static final String PERSON = "person";
    private static final int MAX_BODY = 64 * 1024;

    /** Lambda's entry: everything built once per container. */
    public SubmitHandler() {
        this(Platform.fromEnvironment());
    }

    public SubmitHandler(Platform platform) {
        this(new ApplicationService(platform.applications(), new DynamoClaimRepository(platform.table()),
                platform.persons(), platform.enterprises(), platform.certificates(), platform.sequence(),
                printable(new ApplicationForm()), platform.documents(), platform.clock()),
                platform.clock());
    }

    SubmitHandler(ApplicationService service, Clock clock) {
        PersonViews views = new PersonViews(clock);
        super(new Routes()
                .on("GET /me", PERSON, r -> ApiResponse.ok(views.profile(service.profile(me(r)))))
                .on("POST /applications", PERSON, r -> ApiResponse.created(views.application(service.create(me(r),
                        Requests.newApplication(r.body(Requests.Create.class, MAX_BODY))))))
                .on("GET /applications", PERSON, r -> ApiResponse.ok(views.page(service.list(me(r), query(r)))))
                .on("GET /applications/{no}", PERSON, r -> ApiResponse.ok(views.application(service.get(me(r), r.path("no")))))
                .on("PUT /applications/{no}", PERSON, r -> ApiResponse.ok(views.application(service.save(me(r), r.path("no"),
                        Requests.changes(r.body(Requests.Save.class, MAX_BODY))))))
                .on("DELETE /applications/{no}", PERSON, r -> {
                    service.delete(me(r), r.path("no"));
                    return ApiResponse.noContent();
                })
                .on("POST /applications/{no}/submit", PERSON, r -> ApiResponse.ok(views.application(service.submit(me(r),
                        r.path("no"), Requests.submittedVersion(r, MAX_BODY)))))
                .on("GET /applications/{no}/events", PERSON, r -> ApiResponse.ok(Map.of("items",
                        service.events(me(r), r.path("no")).stream().map(EventView::of).toList()))));
    }


    /** A name or text with a character the bundled font lacks is the user's to correct (422), not a crash. */
    private static FormRenderer printable(FormRenderer forms) {
        return (application, photo, at) -> {
            try {
                return forms.render(application, photo, at);
            } catch (UnprintableTextException e) {
                throw DomainProblem.refused("FORM_UNPRINTABLE", "申请表中的“" + e.characters()
                        + "”无法打印，请联系登记机构核对您的登记信息（可使用规范汉字）后再签名上报");
            }
        };
    }

    private static String me(ApiRequest r) {
        return r.caller().idNo();
    }

    private static ApplicationQuery query(ApiRequest r) {
        return new ApplicationQuery(
                r.query("type").map(t -> Requests.enumOf(ApplicationType.class, "type", t)).orElse(null),
                r.query("status").map(s -> Requests.enumOf(ApplicationStatus.class, "status", s)).orElse(null),
                r.intQuery("page", 1, 1, 100_000), r.intQuery("size", 10, 1, ApplicationQuery.MAX_SIZE));
    }
}
