package anguan.domain.signing;

import java.time.LocalDate;

/**
 * Port: how many codes each mobile was sent on one Shanghai day (at most
 * {@link SmsCodePolicy#PER_MOBILE_PER_DAY}). {@link #take} is one atomic conditional increment, so
 * requests at once for many applications of one person cannot pass the limit together.
 */
public interface SmsQuota {
    /** Counts one more code for {@code mobile} on {@code day}; false (and nothing counted) when {@code limit} are already sent. */
    boolean take(String mobile, LocalDate day, int limit);
}
