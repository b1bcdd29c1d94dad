package anguan.domain.certificate;

import java.time.LocalDate;

/**
 * An out-of-province certificate as the national platform (全国工程质量安全监管信息平台) records it.
 *
 * @param usedBy the 进沪换证 application that turned it into a Shanghai certificate, or null: a
 *               record is exchanged once, so a second application cannot get a second 沪 number from it
 */
public record ExternalCertificate(String certificateNo, String idNo, String name, Category category,
                                  String enterpriseName, LocalDate validFrom, LocalDate validTo,
                                  boolean transferredOut, String usedBy) {

    /** A record as the national platform feeds it: not yet exchanged here. */
    public ExternalCertificate(String certificateNo, String idNo, String name, Category category,
                               String enterpriseName, LocalDate validFrom, LocalDate validTo, boolean transferredOut) {
        this(certificateNo, idNo, name, category, enterpriseName, validFrom, validTo, transferredOut, null);
    }

    /** This record, exchanged by {@code applicationNo}. */
    public ExternalCertificate markedUsedBy(String applicationNo) {
        return new ExternalCertificate(certificateNo, idNo, name, category, enterpriseName, validFrom, validTo,
                transferredOut, applicationNo);
    }

    public boolean isUsed() {
        return usedBy != null;
    }

    public boolean isExpiredOn(LocalDate today) {
        return today.isAfter(validTo);
    }
}
