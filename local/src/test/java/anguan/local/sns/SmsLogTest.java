package anguan.local.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsLogTest {
    @TempDir
    Path data;

    @Test
    void smsSentBeforeARestartAreStillThereNewestFirst() throws IOException {
        Path file = data.resolve("sns/sms.jsonl");
        SmsLog before = SmsLog.persistentIn(file);
        Sms first = new Sms("13800000000", "验证码 1", Instant.parse("2026-12-01T01:00:00Z"));
        Sms second = new Sms("13800000000", "验证码 2", Instant.parse("2026-12-01T01:05:00Z"));
        before.record(first);
        before.record(new Sms("13900000000", "其他", Instant.parse("2026-12-01T01:06:00Z")));
        before.record(second);
        // a line cut short when the runner was killed while writing it
        Files.writeString(file, "{\"mobile\":\"1380", StandardOpenOption.APPEND);

        assertEquals(List.of(second, first), SmsLog.persistentIn(file).to("+8613800000000"));
    }

    @Test
    void inMemoryTheLogKeepsNothingOnDisk() {
        SmsLog log = SmsLog.inMemory();
        log.record(new Sms("13800000000", "hi", Instant.EPOCH));
        assertEquals(1, log.to("13800000000").size());
        assertEquals(List.of(), log.to("13800000001"));
    }

    @Test
    void theMainlandPrefixIsNotPartOfTheMobile() {
        assertEquals("13800000000", Sms.mobileOf("+86 138-0000-0000"));
        assertEquals("13800000000", Sms.mobileOf("008613800000000"));
        assertEquals("+85212345678", Sms.mobileOf("+85212345678"));
    }
}
