package anguan.review;

import anguan.aws.config.Platform;
import anguan.aws.dynamo.DynamoClaimRepository;
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
import anguan.domain.review.ReviewService;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * 审批 (role reviewer, the caller's {@code sub} is the reviewer's id): the queue of applications
 * under review, the details, trail and files (the signed form, the acceptance notice, the form, the
 * photo) of every application the enterprises signed, and the decision, 准予许可 or 不予许可. An
 * approval hands an order to the certificate queue (the certificate follows asynchronously);
 * either decision tells the person and the enterprise by SMS.
 *
 * <p>{@code GET /review/applications} shows UNDER_REVIEW by default; {@code status} asks for another
 * (APPROVED, REJECTED); {@code name} matches part of the applicant's name, {@code idNo} the whole ID
 * number, {@code from}/{@code to} the days it entered the status (both included): the enterprise's
 * signature (受理) for the queue, the decision for APPROVED and REJECTED, whose lists are the last
 * 31 days unless asked otherwise and never span more than 366 (422 DATE_RANGE_TOO_WIDE).
 */
public final class ReviewHandler extends HttpFunction {
    private static final String REVIEWER = "reviewer";
    private static final int MAX_BODY = 16 * 1024;

    /** Lambda's entry: everything built once per container; no PDF and no signing material here. */
    public ReviewHandler() {
        Platform platform = Platform.fromEnvironment();
        this(new ReviewService(platform.applications(), new DynamoClaimRepository(platform.table()), platform.issueQueue(),
                        platform.noticeQueue(), platform.persons(), platform.enterprises(), platform.clock()),
                new ApplicationDocuments(platform.applications(), platform.documents()), platform.clock());
    }

    ReviewHandler(ReviewService service, ApplicationDocuments downloads, Clock clock) {
        super(new Routes()
                .on("GET /review/applications", REVIEWER, r -> ApiResponse.ok(PageView.of(
                        service.list(ReviewRequests.query(r)), a -> view(a, clock))))
                .on("GET /review/applications/{no}", REVIEWER, r -> ApiResponse.ok(view(service.get(r.path("no")), clock)))
                .on("GET /review/applications/{no}/events", REVIEWER, r -> ApiResponse.ok(Map.of("items",
                        service.events(r.path("no")).stream().map(EventView::of).toList())))
                .on("GET /review/applications/{no}/documents/{kind}", REVIEWER, r -> ApiResponse.ok(DownloadView.of(
                        downloads.forReviewer(r.path("no"), r.path("kind")))))
                .on("POST /review/applications/{no}/decision", REVIEWER, r -> {
                    var body = r.body(ReviewRequests.Decision.class, MAX_BODY);
                    return ApiResponse.ok(view(service.decide(reviewer(r), r.path("no"), ReviewRequests.outcome(body.decision()),
                            body.opinion(), body.version()), clock));
                }));
    }

    private static ApplicationView view(Application a, Clock clock) {
        return ApplicationView.of(a, BusinessTime.today(clock));
    }

    /** A decision is recorded with who took it: a reviewer's token without a {@code sub} names no one. */
    private static String reviewer(ApiRequest r) {
        String sub = r.caller().sub();
        if (sub == null || sub.isBlank()) {
            throw new DomainProblem(DomainProblem.Kind.FORBIDDEN, "FORBIDDEN", "登录凭证中没有审批人员标识", List.of());
        }
        return sub;
    }
}
