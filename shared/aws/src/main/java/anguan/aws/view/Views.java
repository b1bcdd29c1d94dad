package anguan.aws.view;

import anguan.domain.common.BusinessTime;
import anguan.domain.common.Coded;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Small helpers for the JSON views: codes with names beside them, instants in Asia/Shanghai. */
final class Views {
    private Views() {
    }

    static String code(Coded c) {
        return c == null ? null : c.code();
    }

    static String name(Coded c) {
        return c == null ? null : c.displayName();
    }

    /** ISO-8601 with the +08:00 offset, to the second. */
    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : BusinessTime.local(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
