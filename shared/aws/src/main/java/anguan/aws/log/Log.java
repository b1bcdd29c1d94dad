package anguan.aws.log;

import anguan.aws.json.Json;
import anguan.domain.common.Masking;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Structured logging, one JSON object per line on stdout (CloudWatch reads it as is). Never log
 * request bodies, ID numbers, mobiles, passwords or keys: pass only what is safe to keep.
 */
public final class Log {
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    private Log() {
    }

    public static void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields, null);
    }

    public static void error(String message, Map<String, ?> fields, Throwable error) {
        write("ERROR", message, fields, error);
    }

    /** Messages of exceptions may quote input: ID numbers and mobiles in them are masked before they are kept. */
    static String redact(String message) {
        return MOBILE.matcher(ID_NUMBER.matcher(message).replaceAll(m -> Masking.idNumber(m.group())))
                .replaceAll(m -> Masking.mobile(m.group()));
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
            line.put("errorMessage", redact(String.valueOf(error.getMessage())));
        }
        try {
            System.out.println(Json.MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            System.out.println("{\"level\":\"ERROR\",\"message\":\"log line not serialisable\"}");
        }
    }
}
