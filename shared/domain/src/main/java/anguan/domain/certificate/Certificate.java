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

    /** At another enterprise (省内变更受聘企业, 企业名称变更), everything else as it is. */
    public Certificate withEnterprise(String newUscc, String newEnterpriseName) {
        return new Certificate(certificateNo, idNo, name, category, position, newUscc, newEnterpriseName, firstIssueDate,
                validFrom, validTo, status, photoKey, licenceVersion, licenceId, ofdFileName, ofdKey);
    }

    /** Valid for another period (证书延期), everything else as it is. */
    public Certificate validBetween(LocalDate from, LocalDate to) {
        return new Certificate(certificateNo, idNo, name, category, position, uscc, enterpriseName, firstIssueDate,
                from, to, status, photoKey, licenceVersion, licenceId, ofdFileName, ofdKey);
    }

    /** In another status (注销, 办理转出), everything else as it is. */
    public Certificate withStatus(CertificateStatus newStatus) {
        return new Certificate(certificateNo, idNo, name, category, position, uscc, enterpriseName, firstIssueDate,
                validFrom, validTo, newStatus, photoKey, licenceVersion, licenceId, ofdFileName, ofdKey);
    }

    /** Pointing at another e-certificate file: its 证照标识 version and id, file name and store key. */
    public Certificate withFile(int version, String newLicenceId, String fileName, String key) {
        return new Certificate(certificateNo, idNo, name, category, position, uscc, enterpriseName, firstIssueDate,
                validFrom, validTo, status, photoKey, version, newLicenceId, fileName, key);
    }
}
