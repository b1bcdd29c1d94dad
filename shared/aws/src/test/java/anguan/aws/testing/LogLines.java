package anguan.aws.testing;

import anguan.aws.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The JSON lines a handler writes to stdout (where anguan.aws.log.Log writes), for the tests that read its log. */
public final class LogLines {
    private LogLines() {
    }

    /** The lines {@code run} logs, each parsed. */
    public static List<JsonNode> of(Runnable run) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(Json.MAPPER.readTree(line));
        }
        return lines;
    }
}
