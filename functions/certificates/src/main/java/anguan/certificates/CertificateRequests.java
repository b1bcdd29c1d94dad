package anguan.certificates;

import anguan.aws.http.ApiRequest;
import anguan.domain.certificate.CertificateQuery;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Masking;
import java.util.stream.Stream;

/**
 * The list filters as sent: {@code status} (the effective status, EXPIRED for the lapsed ones),
 * for the enterprise also {@code name} (part of it), {@code idNo} and {@code certificateNo} (whole;
 * half-width parentheses accepted), and {@code page}/{@code size} (≤ 100). An unknown status or a
 * page out of range is a 400 naming the parameter.
 */
final class CertificateRequests {
    private CertificateRequests() {
    }

    /** GET /certificates?status=&page=&size=. */
    static CertificateQuery own(ApiRequest r) {
        return CertificateQuery.ofStatus(status(r), page(r), size(r));
    }

    /** GET /enterprise/certificates?name=&idNo=&certificateNo=&status=&page=&size=. */
    static CertificateQuery enterprise(ApiRequest r) {
        return new CertificateQuery(status(r), r.query("name").orElse(null), r.query("idNo").orElse(null),
                r.query("certificateNo").orElse(null), page(r), size(r));
    }

    private static int page(ApiRequest r) {
        return r.intQuery("page", 1, 1, 100_000);
    }

    private static int size(ApiRequest r) {
        return r.intQuery("size", 10, 1, CertificateQuery.MAX_SIZE);
    }

    private static CertificateStatus status(ApiRequest r) {
        return r.query("status").map(raw -> Stream.of(CertificateStatus.values()).filter(s -> s.name().equals(raw.strip()))
                .findFirst().orElseThrow(() -> DomainProblem.badRequest("参数status的取值无效：" + Masking.echoed(raw) + "（可选："
                        + String.join("、", Stream.of(CertificateStatus.values()).map(Enum::name).toList()) + "）")))
                .orElse(null);
    }
}
