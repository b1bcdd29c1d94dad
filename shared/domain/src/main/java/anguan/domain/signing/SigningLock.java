package anguan.domain.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * 签章密码 tries of one enterprise: 5 wrong passwords in a row lock its signing for 15 minutes (API.md:
 * 422 SIGNING_PASSWORD_INVALID with attemptsLeft, then 429 with retryAfterSeconds). A right password
 * clears the count; so does the end of a lock. Immutable, written back over the version read, so
 * two wrong tries at once both count.
 */
public record SigningLock(String uscc, int wrongInARow, Instant lockedUntil) {
    public static final int WRONG_IN_A_ROW = 5;
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);

    public static SigningLock open(String uscc) {
        return new SigningLock(uscc, 0, null);
    }

    /** How long signing stays locked from {@code now}; empty when it is open. */
    public Optional<Duration> lockedFor(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
    }

    /** After a wrong password at {@code now}: counted, and locked at the fifth in a row. */
    public SigningLock wrong(Instant now) {
        int count = (lockedUntil != null && !now.isBefore(lockedUntil) ? 0 : wrongInARow) + 1;
        return count >= WRONG_IN_A_ROW ? new SigningLock(uscc, count, now.plus(LOCK_FOR)) : new SigningLock(uscc, count, null);
    }

    /** After the right password. */
    public SigningLock right() {
        return open(uscc);
    }

    /** Wrong tries left before the lock, as the 422 tells them. */
    public int attemptsLeft() {
        return Math.max(0, WRONG_IN_A_ROW - wrongInARow);
    }
}
