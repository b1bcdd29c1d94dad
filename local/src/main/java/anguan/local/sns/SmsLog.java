package anguan.local.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every SMS sent, for {@code GET /dev/sms}: in memory, and appended one JSON line each to a file
 * when the runner has a data directory, so a developer still finds yesterday's codes after a restart.
 */
public final class SmsLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final List<Sms> sent = new ArrayList<>();

    private SmsLog(Path file) {
        this.file = file;
    }

    public static SmsLog inMemory() {
        return new SmsLog(null);
    }

    /** The log kept in {@code file} (JSON lines), with what it already holds; a damaged line is skipped. */
    public static SmsLog persistentIn(Path file) {
        SmsLog log = new SmsLog(file);
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    log.read(line).ifPresent(log.sent::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return log;
    }

    public synchronized void record(Sms sms) {
        if (file != null) {
            try {
                String line = JSON.writeValueAsString(Map.of("mobile", sms.mobile(), "text", sms.text(), "sentAt", sms.sentAt().toString()));
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
        sent.add(sms);
    }

    /** The SMS sent to this mobile, newest first. */
    public synchronized List<Sms> to(String mobile) {
        String wanted = Sms.mobileOf(mobile);
        List<Sms> found = new ArrayList<>();
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).mobile().equals(wanted)) {
                found.add(sent.get(i));
            }
        }
        return found;
    }

    private java.util.Optional<Sms> read(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return java.util.Optional.of(new Sms(node.get("mobile").asText(), node.get("text").asText(),
                    Instant.parse(node.get("sentAt").asText())));
        } catch (JsonProcessingException | RuntimeException damaged) {
            // e.g. the last line cut short when the runner was killed while writing it
            return java.util.Optional.empty();
        }
    }
}
