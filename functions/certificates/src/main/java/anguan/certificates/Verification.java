package anguan.certificates;

import anguan.aws.http.ApiRequest;
import anguan.aws.http.ApiResponse;
import anguan.aws.http.Problems;
import anguan.aws.view.PublicCertificateView;
import anguan.domain.certificate.CertificateService;
import anguan.domain.certificate.PublicCertificate;
import anguan.domain.common.DomainProblem;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * 证书核验, {@code GET /public/certificates/{certificateNo}}: what the QR code on an e-certificate
 * opens, without login. A phone's browser asks for {@code text/html} first and gets the page
 * ({@link VerificationPage}), anyone else the JSON; a refusal comes in the same form (a 404 page
 * saying 未查询到该证书, or problem+json). Both carry headers that keep a public page from being
 * cached by a shared phone's browser, sniffed into something else, framed or made to load anything.
 */
final class Verification {
    private Verification() {
    }

    static APIGatewayV2HTTPResponse answer(ApiRequest r, CertificateService service) {
        boolean page = wantsPage(r.header("accept").orElse(null));
        try {
            PublicCertificate c = service.verify(r.path("certificateNo"));
            return secured(page ? VerificationPage.of(c) : ApiResponse.ok(PublicCertificateView.of(c)));
        } catch (DomainProblem p) {
            APIGatewayV2HTTPResponse problem = Problems.of(p);
            return secured(page ? VerificationPage.refused(problem.getStatusCode(), p) : problem);
        }
    }

    /**
     * Whether the client prefers HTML: {@code text/html} (or XHTML) listed with a weight above zero,
     * and above JSON's when JSON is listed too. Wildcards decide nothing: {@code *}{@code /*} is what
     * curl and the SDKs send, and they want the JSON.
     */
    static boolean wantsPage(String accept) {
        if (accept == null) {
            return false;
        }
        double html = 0;
        double json = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = weight(parts);
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.equals("application/json") || type.equals("application/problem+json")) {
                json = Math.max(json, q);
            }
        }
        return html > 0 && html > json;
    }

    /** The {@code q} of a media range, 1 without one; an unreadable one counts as 0 (not wanted). */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static APIGatewayV2HTTPResponse secured(APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.getHeaders());
        headers.put("cache-control", "no-store");
        headers.put("vary", "Accept");
        headers.put("x-content-type-options", "nosniff");
        headers.put("content-security-policy", VerificationPage.CONTENT_SECURITY_POLICY);
        headers.put("referrer-policy", "no-referrer");
        headers.put("x-frame-options", "DENY");
        response.setHeaders(headers);
        return response;
    }
}
