package anguan.aws.log;

import anguan.aws.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured logging, one JSON object per line on stdout (CloudWatch reads it as is). Never log
 * request bodies, ID numbers, mobiles, passwords or keys: pass only what is safe to keep.
 */
public final class Log {
    private Log() {
    }

    public static void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields, null);
    }

    public static void error(String message, Map<String, ?> fields, Throwable error) {
        write("ERROR", message, fields, error);
    }

    private static void write(String level, String message, Map<String, ?> fields, Throwable error) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        line.putAll(fields);
        if (error != null) {
            line.put("error", error.getClass().getName());
            StackTraceElement[] trace = error.getStackTrace();
            line.put("at", trace.length > 0 ? trace[0].toString() : "");
            line.put("errorMessage", String.valueOf(error.getMessage()));
        }
        try {
            System.out.println(Json.MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            System.out.println("{\"level\":\"ERROR\",\"message\":\"log line not serialisable\"}");
        }
    }
}
