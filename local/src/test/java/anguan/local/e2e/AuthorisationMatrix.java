package anguan.local.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorisation matrix (授权矩阵), {@code authorisation-matrix.tsv}: for every route key, the
 * status each kind of caller gets, and in words who may call it and why. Kept as a table so that
 * a reader sees the whole policy at once and every new route has to state its own.
 */
record AuthorisationMatrix(Map<String, Row> rows) {
    static final String RESOURCE = "/authorisation-matrix.tsv";
    private static final String ROUTE_COLUMN = "route";
    private static final String WHY_COLUMN = "who may call it and why";

    /** The callers of the matrix's columns, in their order. */
    enum Caller {
        NONE("none"), GARBAGE("garbage"), PERSON("person"), OTHER_PERSON("other-person"), ENTERPRISE("enterprise"),
        OTHER_ENTERPRISE("other-enterprise"), REVIEWER("reviewer"), SYSTEM("system");

        final String column;

        Caller(String column) {
            this.column = column;
        }

        /** Someone who owns nothing of what the call acts on, though they may be logged in. */
        boolean isOtherParty() {
            return this == OTHER_PERSON || this == OTHER_ENTERPRISE;
        }
    }

    /** One route: the status per caller and the reason, as written. */
    record Row(String routeKey, Map<Caller, Integer> expected, String why, int line) {
    }

    static AuthorisationMatrix load() {
        try (InputStream in = AuthorisationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Strict: a wrong header, a missing cell or a status that is not a number fails with the line. */
    static AuthorisationMatrix parse(String tsv) {
        List<String> header = headerColumns();
        Map<String, Row> rows = new LinkedHashMap<>();
        boolean headerSeen = false;
        String[] lines = tsv.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].stripTrailing();
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.asList(line.split("\t", -1));
            if (!headerSeen) {
                if (!cells.equals(header)) {
                    throw new IllegalArgumentException(RESOURCE + " line " + lineNo + ": the header must be the columns "
                            + String.join(" | ", header) + ", tab-separated; it is " + String.join(" | ", cells));
                }
                headerSeen = true;
                continue;
            }
            if (cells.size() != header.size() || cells.getLast().isBlank()) {
                throw new IllegalArgumentException(RESOURCE + " line " + lineNo + ": a row has " + header.size()
                        + " tab-separated cells, the last saying who may call the route and why; this one has " + cells.size());
            }
            String routeKey = cells.getFirst();
            Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                String cell = cells.get(caller.ordinal() + 1).strip();
                if (!cell.matches("[1-5]\\d\\d")) {
                    throw new IllegalArgumentException(RESOURCE + " line " + lineNo + ": " + routeKey + " for " + caller.column
                            + " must be an HTTP status, not '" + cell + "'");
                }
                expected.put(caller, Integer.parseInt(cell));
            }
            if (rows.put(routeKey, new Row(routeKey, expected, cells.getLast().strip(), lineNo)) != null) {
                throw new IllegalArgumentException(RESOURCE + " line " + lineNo + ": a second row for " + routeKey);
            }
        }
        if (!headerSeen) {
            throw new IllegalArgumentException(RESOURCE + " has no header line");
        }
        return new AuthorisationMatrix(Collections.unmodifiableMap(rows));
    }

    Optional<Row> row(String routeKey) {
        return Optional.ofNullable(rows.get(routeKey));
    }

    /** The line to add for a route the table lacks, with every cell still to decide. */
    static String rowTemplate(String routeKey) {
        List<String> cells = new ArrayList<>(List.of(routeKey));
        for (Caller caller : Caller.values()) {
            cells.add("<" + caller.column + ">");
        }
        cells.add("<" + WHY_COLUMN + ">");
        return String.join("\t", cells);
    }

    private static List<String> headerColumns() {
        List<String> columns = new ArrayList<>(List.of(ROUTE_COLUMN));
        for (Caller caller : Caller.values()) {
            columns.add(caller.column);
        }
        columns.add(WHY_COLUMN);
        return columns;
    }
}
