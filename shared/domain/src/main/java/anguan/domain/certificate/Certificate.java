package anguan.domain.certificate;

import java.time.LocalDate;

/**
 * A Shanghai certificate (安全生产考核合格证书). It keeps a copy of the holder's name and photo and of
 * the enterprise's name and USCC as printed: they change only through applications and
 * enterprise maintenance, never by reading the registries live.
 *
 * @param licenceVersion the 证照标识 version, starting at 1 and rising with every new file
 * @param ofdKey where the current e-certificate (OFD) of that version lies in the document store;
 *               null where none has been issued here (a migrated certificate not yet re-issued)
 */
public record Certificate(String certificateNo, String idNo, String name, Category category, Position position,
                          String uscc, String enterpriseName, LocalDate firstIssueDate, LocalDate validFrom,
                          LocalDate validTo, CertificateStatus status, String photoKey, int licenceVersion,
                          String licenceId, String ofdFileName, String ofdKey) {

    /** A certificate whose e-certificate is not in our store (as migrated, or not yet issued). */
    public Certificate(String certificateNo, String idNo, String name, Category category, Position position,
                       String uscc, String enterpriseName, LocalDate firstIssueDate, LocalDate validFrom,
                       LocalDate validTo, CertificateStatus status, String photoKey, int licenceVersion,
                       String licenceId, String ofdFileName) {
        this(certificateNo, idNo, name, category, position, uscc, enterpriseName, firstIssueDate, validFrom, validTo,
                status, photoKey, licenceVersion, licenceId, ofdFileName, null);
    }

    /**
     * A VALID or SUSPENDED certificate whose end date has passed is EXPIRED wherever it is shown or
     * checked, whatever is stored; a revoked, cancelled or transferred one keeps what happened to it.
     */
    public CertificateStatus effectiveStatus(LocalDate today) {
        boolean lapses = status == CertificateStatus.VALID || status == CertificateStatus.SUSPENDED;
        if (lapses && today.isAfter(validTo)) {
            return CertificateStatus.EXPIRED;
        }
        return status;
    }

    public boolean isValidOn(LocalDate today) {
        return effectiveStatus(today) == CertificateStatus.VALID;
    }
}
