package anguan.bench;

import static anguan.bench.Bench.call;
import static anguan.bench.SigningRoutes.time;

import anguan.certificates.CertificatesHandler;
import anguan.registry.RegistryHandler;
import anguan.review.ReviewHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reviewers' and the certificates' routes through their handlers, warm, after
 * {@link SigningRoutes} has left its applications under review: the queue, one application, the
 * decision (each on an application of its own: a decision is final), and a holder's and an
 * enterprise's certificate lists and the public verification (JSON and the page a phone gets) of
 * a certificate migrated for the first applicant.
 */
final class ReviewAndCertificateRoutes {
    private static final Map<String, String> REVIEWER = Map.of("role", "reviewer", "sub", "bench-reviewer");
    private static final Map<String, String> SYSTEM = Map.of("role", "system");

    private ReviewAndCertificateRoutes() {
    }

    /** @param underReview applications signed by both, at least n + n / 2 of them; {@code holders} their applicants' ID numbers */
    static List<SigningRoutes.Row> measure(int n, List<String> underReview, List<String> holders, String uscc) {
        ReviewHandler review = new ReviewHandler();
        CertificatesHandler certificates = new CertificatesHandler();
        RegistryHandler registry = new RegistryHandler();
        List<SigningRoutes.Row> rows = new ArrayList<>();
        rows.add(time("GET /review/applications", n, n + n / 2, i -> Events.of("GET", "/review/applications", "/review/applications",
                null, Map.of("status", "UNDER_REVIEW"), null, REVIEWER), review));
        rows.add(time("GET /review/applications/{no}", n, n + n / 2, i -> Events.of("GET", "/review/applications/{no}",
                "/review/applications/" + underReview.get(i), Map.of("no", underReview.get(i)), null, null, REVIEWER), review));
        rows.add(time("POST /review/applications/{no}/decision", n, n + n / 2, i -> Events.of("POST", "/review/applications/{no}/decision",
                "/review/applications/" + underReview.get(i) + "/decision", Map.of("no", underReview.get(i)), null,
                "{\"decision\":\"APPROVE\",\"opinion\":\"材料齐全，准予许可\"}", REVIEWER), review));

        String holder = holders.getFirst();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String number = "沪建安C2（" + (today.getYear() - 1) + "）0912345";
        String encoded = URLEncoder.encode(number, StandardCharsets.UTF_8);
        call(registry, Events.of("PUT", "/registry/certificates/{certificateNo}", "/registry/certificates/" + encoded,
                Map.of("certificateNo", encoded), null, "{\"idNo\":\"" + holder + "\",\"category\":\"C2\",\"position\":\"08\",\"uscc\":\""
                        + uscc + "\",\"firstIssueDate\":\"" + today.minusYears(1) + "\",\"validFrom\":\"" + today.minusYears(1)
                        + "\",\"validTo\":\"" + today.plusYears(2).minusDays(1) + "\",\"status\":\"VALID\"}", SYSTEM));
        Map<String, String> person = Map.of("role", "person", "idNo", holder);
        rows.add(time("GET /certificates", n, n + n / 2, i -> Events.of("GET", "/certificates", "/certificates", null, null, null, person),
                certificates));
        rows.add(time("GET /enterprise/certificates", n, n + n / 2, i -> Events.of("GET", "/enterprise/certificates",
                "/enterprise/certificates", null, null, null, Map.of("role", "enterprise", "uscc", uscc)), certificates));
        rows.add(time("GET /public/certificates/{no} (JSON)", n, n + n / 2, i -> Events.of("GET", "/public/certificates/{certificateNo}",
                "/public/certificates/" + encoded, Map.of("certificateNo", encoded), null, null, null), certificates));
        rows.add(time("GET /public/certificates/{no} (text/html)", n, n + n / 2, i -> html(Events.of("GET",
                "/public/certificates/{certificateNo}", "/public/certificates/" + encoded, Map.of("certificateNo", encoded), null, null,
                null)), certificates));
        return rows;
    }

    /** What a phone's browser sends. */
    private static APIGatewayV2HTTPEvent html(APIGatewayV2HTTPEvent e) {
        e.setHeaders(Map.of("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        return e;
    }
}
