package anguan.domain.person;

import java.time.LocalDate;

/** 聘用登记: the person works for the enterprise from {@code since}, up to {@code until} included when set. */
public record Employment(String idNo, String uscc, LocalDate since, LocalDate until) {

    public boolean isCurrentOn(LocalDate day) {
        return !since.isAfter(day) && (until == null || !until.isBefore(day));
    }
}
