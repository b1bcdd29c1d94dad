package anguan.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessTimeTest {
    @Test
    void todayIsTheShanghaiDateEvenWhenUtcIsStillOnTheDayBefore() {
        Clock lateUtcEvening = Clock.fixed(Instant.parse("2026-11-26T16:30:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2026, 11, 27), BusinessTime.today(lateUtcEvening));
    }

    @Test
    void anInstantIsShownInShanghaiToTheSecond() {
        assertEquals("2026-11-27T14:09:40+08:00", BusinessTime.local(Instant.parse("2026-11-27T06:09:40.123456Z")).toString());
    }
}
