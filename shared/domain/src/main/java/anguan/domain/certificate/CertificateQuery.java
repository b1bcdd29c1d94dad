package anguan.domain.certificate;

import anguan.domain.person.IdNumber;
import java.time.LocalDate;

/**
 * The filters of a certificate list (我的证书, the enterprise's 证书查询): the effective status (as
 * shown, so EXPIRED finds the lapsed VALID ones), the holder's name (part of it), ID number and
 * certificate number (whole, in either parenthesis width), and the page (counting from 1). A null
 * filter lets every certificate through.
 */
public record CertificateQuery(CertificateStatus status, String name, String idNo, String certificateNo, int page, int size) {
    /** The most a page may hold (API.md: size ≤ 100). */
    public static final int MAX_SIZE = 100;

    public CertificateQuery {
        name = blankToNull(name);
        idNo = IdNumber.normalize(blankToNull(idNo));
        certificateNo = CertificateNumber.normalize(blankToNull(certificateNo));
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page from 1, size 1.." + MAX_SIZE + ": " + page + "/" + size);
        }
    }

    /** Only a status and a page: what a person filters their own list by. */
    public static CertificateQuery ofStatus(CertificateStatus status, int page, int size) {
        return new CertificateQuery(status, null, null, null, page, size);
    }

    boolean matches(Certificate c, LocalDate today) {
        return (status == null || c.effectiveStatus(today) == status)
                && (name == null || (c.name() != null && c.name().contains(name)))
                && (idNo == null || idNo.equals(c.idNo()))
                && (certificateNo == null || certificateNo.equals(c.certificateNo()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
