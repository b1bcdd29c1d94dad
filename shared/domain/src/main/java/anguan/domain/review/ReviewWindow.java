package anguan.domain.review;

import anguan.domain.application.ApplicationStatus;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.DomainProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The span of time a reviewers' list reads: the Shanghai days {@code from}–{@code to} (both
 * included) as instants, on the instant the applications entered their status (受理 for
 * UNDER_REVIEW, the decision for APPROVED and REJECTED). The queue (UNDER_REVIEW) is bounded by the
 * work in progress and may stay open; the decided statuses grow forever, so their window is always
 * closed: without days asked for, the last {@value #DEFAULT_DAYS} days up to today; one end only,
 * the other {@value #DEFAULT_DAYS} days away (a missing {@code to} is today). No window is wider
 * than {@value #MAX_DAYS} days, so no list reads more than a year of decisions.
 *
 * @param since the first instant of the window, null for open
 * @param until the last instant of the window (included), null for open
 */
record ReviewWindow(Instant since, Instant until) {
    static final int DEFAULT_DAYS = 31;
    static final int MAX_DAYS = 366;

    static ReviewWindow of(ApplicationStatus status, LocalDate from, LocalDate to, LocalDate today) {
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainProblem.refused("DATE_RANGE_INVALID", "开始日期（" + from + "）不能晚于结束日期（" + to + "）");
        }
        if (status.isDecided()) {
            if (to == null) {
                to = from == null || !from.isAfter(today) ? today : from;
            }
            if (from == null) {
                from = to.minusDays(DEFAULT_DAYS - 1);
            }
        }
        if (from != null && to != null && ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw DomainProblem.refused("DATE_RANGE_TOO_WIDE",
                    "查询的日期范围不能超过" + MAX_DAYS + "天（" + from + "至" + to + "），请缩小日期范围");
        }
        return new ReviewWindow(from == null ? null : startOf(from), to == null ? null : startOf(to.plusDays(1)).minusNanos(1));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(BusinessTime.ZONE).toInstant();
    }
}
