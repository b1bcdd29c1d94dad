package anguan.domain.certificate;

import java.time.LocalDate;

/** An out-of-province certificate as the national platform (全国工程质量安全监管信息平台) records it. */
public record ExternalCertificate(String certificateNo, String idNo, String name, Category category,
                                  String enterpriseName, LocalDate validFrom, LocalDate validTo,
                                  boolean transferredOut) {

    public boolean isExpiredOn(LocalDate today) {
        return today.isAfter(validTo);
    }
}
