package anguan.domain.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigningLockTest {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final String USCC = "91350100M000100Y43";

    @Test
    void fiveWrongPasswordsInARowLockSigningForFifteenMinutes() {
        SigningLock lock = SigningLock.open(USCC);
        for (int left = 4; left >= 1; left--) {
            lock = lock.wrong(NOW);
            assertEquals(left, lock.attemptsLeft());
            assertTrue(lock.lockedFor(NOW).isEmpty());
        }
        lock = lock.wrong(NOW);

        assertEquals(0, lock.attemptsLeft());
        assertEquals(Optional.of(Duration.ofMinutes(15)), lock.lockedFor(NOW));
        assertEquals(Optional.of(Duration.ofMinutes(1)), lock.lockedFor(NOW.plus(Duration.ofMinutes(14))));
        assertTrue(lock.lockedFor(NOW.plus(SigningLock.LOCK_FOR)).isEmpty());
    }

    @Test
    void aRightPasswordClearsTheCount() {
        SigningLock lock = SigningLock.open(USCC).wrong(NOW).wrong(NOW).wrong(NOW).right().wrong(NOW);

        assertEquals(4, lock.attemptsLeft());
    }

    @Test
    void afterALockEndsTheCountStartsAgain() {
        SigningLock locked = SigningLock.open(USCC).wrong(NOW).wrong(NOW).wrong(NOW).wrong(NOW).wrong(NOW);

        SigningLock after = locked.wrong(NOW.plus(SigningLock.LOCK_FOR));

        assertEquals(4, after.attemptsLeft());
        assertTrue(after.lockedFor(NOW.plus(SigningLock.LOCK_FOR)).isEmpty());
    }
}
