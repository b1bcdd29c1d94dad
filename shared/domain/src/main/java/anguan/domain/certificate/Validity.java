package anguan.domain.certificate;

import java.time.LocalDate;

/** 有效期: a certificate is valid three years, and may be renewed (证书延期) in its last three months. */
public final class Validity {
    private static final int YEARS = 3;
    private static final int RENEWAL_WINDOW_MONTHS = 3;

    private Validity() {
    }

    /**
     * The last valid day, with java.time's month arithmetic: 2024-05-01 → 2027-04-30, and a leap
     * day start 2028-02-29 → 2031-02-27 (plusYears lands on 02-28, then one day back).
     */
    public static LocalDate validTo(LocalDate validFrom) {
        return validFrom.plusYears(YEARS).minusDays(1);
    }

    /** The first day a renewal may be filed. */
    public static LocalDate renewalWindowOpens(LocalDate validTo) {
        return validTo.minusMonths(RENEWAL_WINDOW_MONTHS);
    }

    /** Whether {@code today} lies in [{@link #renewalWindowOpens}, validTo], both ends included. */
    public static boolean isRenewalWindowOpen(LocalDate validTo, LocalDate today) {
        return !today.isBefore(renewalWindowOpens(validTo)) && !today.isAfter(validTo);
    }

    /** A renewed certificate carries on the day after the old one ends, so no day is lost or doubled. */
    public static LocalDate renewedValidFrom(LocalDate oldValidTo) {
        return oldValidTo.plusDays(1);
    }
}
