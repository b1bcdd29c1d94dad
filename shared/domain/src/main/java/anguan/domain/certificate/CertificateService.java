package anguan.domain.certificate;

import anguan.domain.application.ApplicationDocuments;
import anguan.domain.application.Page;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.DocumentStore;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Masking;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * 证书: the person's own certificates (我的证书), the enterprise's (证书查询), the download of their
 * e-certificates (电子证书下载) and the public verification a certificate's QR code opens (证书核验).
 *
 * <p>Lists show every certificate, withdrawn ones included, with the effective status (DOMAIN.md:
 * a VALID certificate past its end date is EXPIRED wherever it is shown), newest validity first.
 * A certificate that is not the caller's does not exist for them (404, as for an unknown number:
 * telling the two apart would reveal who holds which number). A withdrawn certificate (注销,
 * 办理转出, and 撤销, which takes it away just as surely) can no longer be downloaded; one whose
 * e-certificate was never issued here (migrated, not yet re-issued) has nothing to download.
 * An EXPIRED one still can: it is the holder's record of what they held.
 *
 * <p>Access patterns: by number (the table's key), by holder (gsi1) and by enterprise (gsi2); the
 * lists read one holder's or one enterprise's certificates, never the table.
 */
public final class CertificateService {
    /** Newest validity first; of two with the same start, the later number (the later issue). */
    private static final Comparator<Certificate> NEWEST_FIRST = Comparator.comparing(Certificate::validFrom,
            Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(Certificate::certificateNo, Comparator.reverseOrder());

    private final CertificateRepository certificates;
    private final DocumentStore documents;
    private final Clock clock;

    public CertificateService(CertificateRepository certificates, DocumentStore documents, Clock clock) {
        this.certificates = certificates;
        this.documents = documents;
        this.clock = clock;
    }

    /** GET /certificates: the holder's own, whatever their status. */
    public Page<Certificate> ofHolder(String idNo, CertificateQuery query) {
        return page(certificates.ofHolder(idNo), query);
    }

    /** GET /enterprise/certificates: those printed with this enterprise's USCC (证书查询). */
    public Page<Certificate> atEnterprise(String uscc, CertificateQuery query) {
        return page(certificates.atEnterprise(uscc), query);
    }

    /** GET /certificates/{certificateNo}/ofd: the holder's own e-certificate. */
    public ApplicationDocuments.Download downloadForHolder(String idNo, String certificateNo) {
        return download(find(certificateNo, c -> c.idNo().equals(idNo)));
    }

    /** GET /enterprise/certificates/{certificateNo}/ofd: an e-certificate printed with this enterprise. */
    public ApplicationDocuments.Download downloadForEnterprise(String uscc, String certificateNo) {
        return download(find(certificateNo, c -> c.uscc().equals(uscc)));
    }

    /** GET /public/certificates/{certificateNo}: anyone may verify any number; an unknown one is a 404. */
    public PublicCertificate verify(String certificateNo) {
        return PublicCertificate.of(find(certificateNo, c -> true), BusinessTime.today(clock));
    }

    /**
     * A link valid {@link ApplicationDocuments#LINK_VALID_FOR} (the same 5 minutes as an application's
     * files), checked in this order: withdrawn first (a withdrawn migrated certificate is withdrawn
     * rather than not yet issued), then whether there is a file at all.
     */
    private ApplicationDocuments.Download download(Certificate c) {
        CertificateStatus status = c.effectiveStatus(BusinessTime.today(clock));
        if (status.isWithdrawn() || status == CertificateStatus.REVOKED) {
            throw new DomainProblem(DomainProblem.Kind.INVALID_STATE, "CERTIFICATE_WITHDRAWN", "证书" + c.certificateNo() + "已"
                    + status.displayName() + "，电子证书已收回，不能再下载", List.of());
        }
        if (c.ofdKey() == null) {
            throw new DomainProblem(DomainProblem.Kind.INVALID_STATE, "ECERTIFICATE_NOT_ISSUED", "证书" + c.certificateNo()
                    + "尚未签发电子证书（系统迁移的证书在下次延期或变更后签发），暂无可下载的文件", List.of());
        }
        String fileName = c.ofdFileName() != null ? c.ofdFileName() : c.certificateNo() + ".ofd";
        DocumentStore.DownloadLink link = documents.link(c.ofdKey(), fileName, ApplicationDocuments.LINK_VALID_FOR);
        return new ApplicationDocuments.Download(fileName, link.url(), link.expiresAt());
    }

    /**
     * The certificate of that number (half-width parentheses accepted) that {@code visible} lets the
     * caller see; one they may not see is as unknown as a number never issued.
     */
    private Certificate find(String certificateNo, Predicate<Certificate> visible) {
        String number = CertificateNumber.normalize(certificateNo);
        Optional<Certificate> found = number == null || number.isEmpty() ? Optional.empty() : certificates.find(number);
        return found.filter(visible)
                .orElseThrow(() -> DomainProblem.notFound("未查询到该证书：" + Masking.echoed(number)));
    }

    private Page<Certificate> page(List<Certificate> all, CertificateQuery query) {
        LocalDate today = BusinessTime.today(clock);
        return Page.of(all.stream().filter(c -> query.matches(c, today)).sorted(NEWEST_FIRST).toList(), query.page(), query.size());
    }
}
