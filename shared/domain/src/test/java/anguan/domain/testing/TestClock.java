package anguan.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it, so a retry can happen later than the crash. */
public final class TestClock extends Clock {
    private Instant instant;

    public TestClock(Instant start) {
        instant = start;
    }

    public void advance(Duration by) {
        instant = instant.plus(by);
    }

    public void set(Instant to) {
        instant = to;
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { return Clock.fixed(instant, zone); }

    @Override public Instant instant() { return instant; }
}
