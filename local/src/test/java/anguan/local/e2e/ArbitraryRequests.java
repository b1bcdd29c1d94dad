package anguan.local.e2e;

import anguan.domain.enterprise.Uscc;
import anguan.domain.person.IdNumber;
import anguan.domain.testing.Gen;
import anguan.local.template.HttpRoute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests a client could send to a route of the template: path parameters of any characters,
 * broken {@code %} escapes, very long or empty; query strings likewise; bodies that are JSON of
 * every shape (the contract's fields with right, wrong and odd values, wrong types, huge strings,
 * deep nesting) or no JSON at all (cut short, not UTF-8). Mostly plausible, so that requests get
 * past the first check and into the functions; the registry's real records (the fixtures) are
 * among the values, so that lookups find something.
 *
 * <p>ID numbers and mobiles only ever go where such identifiers belong (paths, queries, idNo and
 * phone fields), so a full one in an answer is either the caller's own on {@code GET /me}, an echo
 * of the request in an error, or a masking defect.
 */
final class ArbitraryRequests {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}+]+)\\+?}");
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final List<String> DATE_FIELDS = List.of("birthDate", "since", "until", "examDate", "validFrom", "validTo",
            "firstIssueDate", "from", "to");
    private static final List<String> FREE_TEXT_FIELDS = List.of("name", "enterpriseName", "cancelReasonText", "signingPassword",
            "opinion");
    private static final List<String> ENUM_VALUES = List.of("M", "F", "ID_CARD", "PASSPORT", "HK_MACAO", "TAIWAN", "MILITARY",
            "INITIAL", "CONTINUING", "A", "B", "C1", "C2", "C3", "C4", "c3", "FIRST_ISSUE", "RENEWAL", "EMPLOYER_CHANGE",
            "TRANSFER_IN", "TRANSFER_OUT", "CANCELLATION", "DRAFT", "AWAITING_ENTERPRISE", "UNDER_REVIEW", "APPROVED",
            "REJECTED", "VALID", "SUSPENDED", "REVOKED", "CANCELLED", "EXPIRED", "TRANSFERRED_OUT", "CONTRACT_ENDED",
            "SELF_REQUEST", "LEFT_POST", "OTHER", "APPROVE", "REJECT", "first_issue", " C3 ", "");
    /** Each enumerated field's codes (API.md); a field gets one of its own mostly, any code now and then. */
    private static final Map<String, List<String>> CODES = Map.of(
            "gender", List.of("M", "F"),
            "idType", List.of("ID_CARD", "PASSPORT", "HK_MACAO", "TAIWAN", "MILITARY"),
            "examType", List.of("INITIAL", "CONTINUING"),
            "category", List.of("A", "B", "C1", "C2", "C3"),
            "type", List.of("FIRST_ISSUE", "RENEWAL", "EMPLOYER_CHANGE", "TRANSFER_IN", "TRANSFER_OUT", "CANCELLATION"),
            "status", List.of("VALID", "SUSPENDED", "REVOKED", "CANCELLED", "EXPIRED", "TRANSFERRED_OUT", "DRAFT"),
            "cancelReason", List.of("CONTRACT_ENDED", "SELF_REQUEST", "LEFT_POST", "OTHER"),
            "decision", List.of("APPROVE", "REJECT"));
    /** The body each route of API.md reads, so that many requests are one odd value away from being right. */
    private static final Map<String, List<String>> BODIES = Map.ofEntries(
            Map.entry("PUT /registry/persons/{idNo}", List.of("name", "gender", "birthDate", "idType", "mobile", "photo",
                    "signatureImage")),
            Map.entry("PUT /registry/enterprises/{uscc}", List.of("name", "contactMobile", "signingPassword")),
            Map.entry("PUT /registry/employments/{idNo}/{uscc}", List.of("since", "until")),
            Map.entry("POST /registry/exam-results", List.of("idNo", "examType", "category", "examDate", "passed")),
            Map.entry("PUT /registry/external-certificates/{certificateNo}", List.of("idNo", "name", "category", "enterpriseName",
                    "validFrom", "validTo", "transferredOut")),
            Map.entry("PUT /registry/certificates/{certificateNo}", List.of("idNo", "category", "position", "uscc", "firstIssueDate",
                    "validFrom", "validTo", "status", "photo")),
            Map.entry("POST /applications", List.of("type", "category", "position", "certificateNo", "originalCertificateNo", "uscc")),
            Map.entry("PUT /applications/{no}", List.of("enterprisePhone", "consent", "position", "cancelReason", "cancelReasonText",
                    "uscc", "version")),
            Map.entry("POST /applications/{no}/personal-signature", List.of("smsCode")),
            Map.entry("POST /enterprise/applications/{no}/signature", List.of("consent", "signingPassword")),
            Map.entry("POST /enterprise/applications/{no}/signature/prepare", List.of("consent", "certificate")),
            Map.entry("POST /enterprise/applications/{no}/signature/complete", List.of("signingId", "cms")));
    private static final List<String> FIELDS = List.of("name", "gender", "birthDate", "idType", "mobile", "photo",
            "signatureImage", "since", "until", "idNo", "examType", "category", "examDate", "passed", "validFrom", "validTo",
            "transferredOut", "position", "uscc", "firstIssueDate", "status", "signingPassword", "contactMobile", "type",
            "certificateNo", "originalCertificateNo", "enterprisePhone", "consent", "cancelReason", "cancelReasonText",
            "version", "enterpriseName", "decision", "opinion", "smsCode", "signingId", "cms", "certificate");

    /** A request as sent: the route it was made for, and the raw bytes' parts. */
    record Request(HttpRoute route, String role, String method, String target, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + target + " as " + role + " " + headers.keySet() + " body(" + (body == null ? 0 : body.length)
                    + " bytes): " + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
        }
    }

    private final Fixtures fixtures;

    ArbitraryRequests(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** What the registry holds for the fuzz run (application numbers grow as drafts are made), and a token of every role. */
    record Fixtures(List<String> idNos, List<String> mobiles, List<String> usccs, List<String> certificateNos,
                    List<String> applicationNos, Map<String, List<String>> tokens) {
    }

    private final Map<String, Long> versions = new HashMap<>();

    /** A draft the fuzzing made itself becomes a known application number. */
    void created(String applicationNo) {
        fixtures.applicationNos().add(applicationNo);
    }

    /** The version an answer showed, so that a later save can be over the version the client saw. */
    void saw(String applicationNo, long version) {
        versions.put(applicationNo, version);
    }

    /** The role API.md gives a route, by its path: the registries for system, /enterprise, /review, /public, else person. */
    static String ownRole(HttpRoute route) {
        String path = route.path();
        if (path.startsWith("/registry/")) {
            return "system";
        }
        if (path.startsWith("/enterprise/")) {
            return "enterprise";
        }
        if (path.startsWith("/review/")) {
            return "reviewer";
        }
        return path.startsWith("/public/") ? "none" : "person";
    }

    /** The part of a request that goes wild; the others stay plausible, so that the wild part is what gets checked. */
    private enum Focus { PATH, QUERY, BODY, AUTHORIZATION, NONE }

    Request next(Random r, HttpRoute route) {
        Focus focus = Gen.oneOf(r, Focus.PATH, Focus.PATH, Focus.QUERY, Focus.BODY, Focus.BODY, Focus.BODY, Focus.AUTHORIZATION,
                Focus.NONE);
        Map<String, String> headers = new LinkedHashMap<>();
        String role = authorization(r, route, focus == Focus.AUTHORIZATION, headers);
        String method = route.method().equals("ANY") ? Gen.oneOf(r, "GET", "POST", "PUT", "DELETE", "PATCH") : route.method();
        Map<String, String> parameters = new HashMap<>();
        String target = path(r, route.path(), focus == Focus.PATH, parameters) + query(r, focus == Focus.QUERY);
        List<String> fields = BODIES.getOrDefault(route.routeKey(), FIELDS);
        boolean wild = focus == Focus.BODY;
        byte[] body = method.equals("GET") || method.equals("DELETE") ? (wild && r.nextInt(4) == 0 ? body(r, fields) : null)
                : wild ? body(r, fields) : bytes(rightBody(r, fields, parameters.get("no")).toString());
        if (body != null) {
            headers.put("Content-Type", wild && r.nextInt(10) == 0 ? Gen.oneOf(r, "text/plain", "application/xml", "") : "application/json");
        }
        return new Request(route, role, method, target, headers, body);
    }

    /** The route's own role mostly (the first person, who holds the fixtures, most of all); wild: any role, none, garbage. */
    private String authorization(Random r, HttpRoute route, boolean wild, Map<String, String> headers) {
        String role = wild ? Gen.oneOf(r, "person", "enterprise", "reviewer", "system", "none", "garbage") : ownRole(route);
        switch (role) {
            case "none" -> {
                // no Authorization header
            }
            case "garbage" -> headers.put("Authorization", Gen.oneOf(r, "Bearer ", "Bearer x.y.z", "Basic dXNlcjpwYXNz", "bearer",
                    "Bearer " + Gen.anyString(r, 40).replaceAll("[\\r\\n]", "")));
            default -> {
                List<String> tokens = fixtures.tokens().get(role);
                headers.put("Authorization", "Bearer " + (wild || r.nextInt(3) == 0 ? Gen.oneOf(r, tokens) : tokens.getFirst()));
            }
        }
        return role;
    }

    // ---- path and query

    /** @param chosen gets each parameter's value before it is escaped */
    private String path(Random r, String template, boolean wild, Map<String, String> chosen) {
        if (template.equals("$default")) {
            return "/" + escaped(Gen.anyString(r, 20));
        }
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = wild ? pathValue(r, m.group(1)) : r.nextInt(5) > 0 ? known(r, m.group(1)) : plausible(r, m.group(1));
            chosen.put(m.group(1), value);
            m.appendReplacement(out, Matcher.quoteReplacement(wild ? wire(r, value) : escaped(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String pathValue(Random r, String name) {
        return switch (r.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5 -> known(r, name);
            case 6, 7 -> typo(r, known(r, name));
            case 8, 9 -> Gen.anyString(r, 30);
            case 10, 11 -> brokenEscapes(r);
            case 12 -> String.valueOf((char) r.nextInt(0x21, 0x7F)).repeat(r.nextInt(100, 4000));
            case 13 -> "";
            case 14 -> sensitive(r);
            case 15 -> plausible(r, Gen.oneOf(r, "idNo", "uscc", "certificateNo", "no"));
            default -> known(r, Gen.oneOf(r, "idNo", "uscc", "certificateNo", "no"));
        };
    }

    /** A value the registry knows for a parameter of this name. */
    private String known(Random r, String name) {
        return switch (name) {
            case "idNo" -> Gen.oneOf(r, fixtures.idNos());
            case "uscc" -> Gen.oneOf(r, fixtures.usccs());
            case "certificateNo" -> Gen.oneOf(r, fixtures.certificateNos());
            case "no" -> recentApplication(r);
            case "kind" -> Gen.oneOf(r, "form", "signed-form", "acceptance-notice", "photo");
            default -> Gen.oneOf(r, fixtures.applicationNos().getFirst(), fixtures.certificateNos().getFirst(), "form", "photo",
                    "registry", "1");
        };
    }

    /** One of the last few drafts mostly (older ones the fuzzing has likely deleted or submitted), else any. */
    private String recentApplication(Random r) {
        List<String> all = fixtures.applicationNos();
        return r.nextBoolean() ? Gen.oneOf(r, all.subList(Math.max(0, all.size() - 3), all.size())) : Gen.oneOf(r, all);
    }

    private static String typo(Random r, String value) {
        if (value.isEmpty()) {
            return "x";
        }
        int at = r.nextInt(value.length());
        String replacement = switch (r.nextInt(4)) {
            case 0 -> value.substring(at, at + 1).toLowerCase(Locale.ROOT);
            case 1 -> String.valueOf((char) ('0' + r.nextInt(10)));
            case 2 -> Gen.oneOf(r, "(", ")", "（", "）", " ", "%", "/", "?", "#", "+", "\u0000");
            default -> "";
        };
        return value.substring(0, at) + replacement + value.substring(at + 1);
    }

    private static String brokenEscapes(Random r) {
        StringBuilder out = new StringBuilder();
        int pieces = r.nextInt(1, 6);
        for (int i = 0; i < pieces; i++) {
            out.append(Gen.oneOf(r, "%", "%z", "%zz", "%E6%B2", "%FF", "%25", "%2F", "%00", "%C0%AF", "%ED%A0%80", "+", "%2B",
                    "%u6CAA", "%%", "W2026", "%E6%B2%AA"));
        }
        return out.toString();
    }

    /**
     * How a value goes on the wire: mostly percent-encoded as a browser would, sometimes raw (UTF-8
     * bytes, a literal {@code %}, spaces that break the request line), except CR and LF.
     */
    private static String wire(Random r, String value) {
        return r.nextInt(4) == 0 ? value.replace("\r", "%0D").replace("\n", "%0A") : escaped(value);
    }

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean unreserved = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0);
            out.append(unreserved ? String.valueOf(c) : "%%%02X".formatted(b & 0xFF));
        }
        return out.toString();
    }

    private String query(Random r, boolean wild) {
        if (!wild) {
            return r.nextInt(3) > 0 ? "" : "?" + Gen.oneOf(r, "page=1&size=10", "page=2", "size=100", "type=FIRST_ISSUE",
                    "status=DRAFT", "type=RENEWAL&status=DRAFT");
        }
        List<String> pairs = new ArrayList<>();
        int count = r.nextInt(1, 5);
        for (int i = 0; i < count; i++) {
            String name = r.nextInt(4) == 0 ? Gen.anyString(r, 8)
                    : Gen.oneOf(r, "page", "size", "type", "status", "name", "idNo", "from", "to", "certificateNo");
            String value = switch (r.nextInt(8)) {
                case 0 -> Gen.oneOf(r, "1", "0", "-1", "100", "101", "99999999999999999999", "1.5", "1e3", " 2 ", "");
                case 1 -> Gen.oneOf(r, ENUM_VALUES);
                case 2 -> brokenEscapes(r);
                case 3 -> Gen.anyString(r, 20);
                case 4 -> sensitive(r);
                case 5 -> "x".repeat(r.nextInt(100, 3000));
                default -> plausible(r, name);
            };
            pairs.add(wire(r, name) + (r.nextInt(10) == 0 ? "" : "=" + wire(r, value)));
        }
        return "?" + String.join("&", pairs);
    }

    // ---- bodies

    private byte[] body(Random r, List<String> fields) {
        return switch (r.nextInt(20)) {
            case 0 -> new byte[0];
            case 1 -> bytes(anyJson(r, 4).toString());
            case 2 -> bytes(deep(r));
            case 3 -> bytes(huge(r, fields).toString());
            case 4, 5 -> bytes(broken(r, object(r, fields, true).toString()));
            case 6 -> notUtf8(r, object(r, fields, true).toString());
            default -> bytes(object(r, fields, true).toString());
        };
    }

    /** The route's fields, right; the version is the one last seen of the application, as a client would send it. */
    private ObjectNode rightBody(Random r, List<String> fields, String applicationNo) {
        ObjectNode object = object(r, fields, false);
        Long version = versions.get(applicationNo);
        if (fields.contains("version") && version != null && r.nextInt(5) > 0) {
            object.put("version", version);
        }
        return object;
    }

    /**
     * The route's fields (or the contract's), each with a right, wrong or odd value; wild, also
     * values of any JSON type and a stranger now and then.
     */
    private ObjectNode object(Random r, List<String> fields, boolean wild) {
        ObjectNode object = NODES.objectNode();
        boolean shaped = fields != FIELDS;
        if (shaped) {
            for (String field : fields) {
                if (r.nextInt(3) > 0 || !wild && field.equals("version")) {
                    object.set(field, !wild ? typed(r, field, right(r, field)) : r.nextInt(8) == 0 ? anyJson(r, 2)
                            : r.nextInt(5) == 0 ? NODES.textNode(plausible(r, field)) : typed(r, field, plausible(r, field)));
                }
            }
        }
        int more = wild ? r.nextInt(shaped ? 2 : 9) : 0;
        for (int i = 0; i < more; i++) {
            String field = r.nextInt(10) == 0 ? Gen.anyString(r, 10) : Gen.oneOf(r, FIELDS);
            object.set(field, r.nextInt(4) == 0 ? anyJson(r, 2) : typed(r, field, plausible(r, field)));
        }
        return object;
    }

    /** As the field is typed: a boolean or the version number where it reads one, else the string. */
    private static JsonNode typed(Random r, String field, String value) {
        return switch (field) {
            case "passed", "transferredOut", "consent" -> value.equals("true") || value.equals("false")
                    ? NODES.booleanNode(Boolean.parseBoolean(value)) : NODES.textNode(value);
            case "version" -> value.matches("-?\\d{1,18}") ? NODES.numberNode(r.nextInt(1, 6)) : NODES.textNode(value);
            default -> NODES.textNode(value);
        };
    }

    /** A string a client might well put in this field: right seven times in ten, else nearly. */
    private String plausible(Random r, String field) {
        return r.nextInt(10) < 7 ? right(r, field) : odd(r, field);
    }

    /** What a well-behaved client sends: the fixtures' identifiers, real dates, the field's own codes. */
    private String right(Random r, String field) {
        if (DATE_FIELDS.contains(field)) {
            LocalDate today = LocalDate.now();
            return (field.equals("validTo") || field.equals("until") ? Gen.date(r, today, today.plusYears(3))
                    : Gen.date(r, today.minusYears(3), today.minusDays(1))).toString();
        }
        if (CODES.containsKey(field)) {
            return Gen.oneOf(r, CODES.get(field));
        }
        return switch (field) {
            case "idNo" -> Gen.oneOf(r, fixtures.idNos());
            case "mobile", "contactMobile" -> anyMobile(r);
            case "enterprisePhone" -> Gen.oneOf(r, anyMobile(r), "021-64881234");
            case "uscc" -> Gen.oneOf(r, fixtures.usccs());
            case "certificateNo", "originalCertificateNo" -> Gen.oneOf(r, fixtures.certificateNos());
            case "no" -> recentApplication(r);
            case "position" -> Gen.oneOf(r, "01", "02", "03", "04", "05", "06", "07", "08");
            case "photo", "signatureImage" -> TestIds.PNG;
            case "passed", "transferredOut", "consent" -> Gen.oneOf(r, "true", "false");
            case "version", "page" -> "1";
            case "size" -> "10";
            case "signingPassword" -> "Pw-123456";
            case "smsCode" -> Gen.digits(r, 6);
            case "signingId" -> Gen.digits(r, 32);
            case "certificate", "cms" -> java.util.Base64.getEncoder().encodeToString(bytes(Gen.anyString(r, 40)));
            default -> Gen.oneOf(r, "张三", "上海浦江建设工程有限公司", "已与聘用企业解除聘用合同关系");
        };
    }

    /** Nearly right: impossible dates, a year of 9 digits, other codes, typos, wrong case, too long, empty. */
    private String odd(Random r, String field) {
        if (DATE_FIELDS.contains(field)) {
            return Gen.oneOf(r, Gen.date(r, LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31)).toString(), "2026-02-30",
                    "+999999999-12-31", "-999999999-01-01", "0000-01-01", "2026-1-1", "20260101", "2026-13-01", "yesterday", "");
        }
        if (CODES.containsKey(field)) {
            return Gen.oneOf(r, ENUM_VALUES);
        }
        if (FREE_TEXT_FIELDS.contains(field)) {
            return Gen.oneOf(r, "12345", "", " ", Gen.anyString(r, 30), "x".repeat(r.nextInt(90, 120)));
        }
        return switch (field) {
            case "idNo" -> Gen.oneOf(r, anyIdNo(r), anyIdNo(r).toLowerCase(Locale.ROOT), typo(r, anyIdNo(r)), "E12345678", "A1", "");
            case "mobile", "contactMobile", "enterprisePhone" -> Gen.oneOf(r, Gen.oneOf(r, fixtures.mobiles()), "0571-8888888",
                    "12345678901", "1391234567", "+8613912345678", "");
            case "uscc" -> Gen.oneOf(r, anyUscc(r), anyUscc(r).toLowerCase(Locale.ROOT), typo(r, anyUscc(r)), "");
            case "certificateNo", "originalCertificateNo" -> Gen.oneOf(r, typo(r, Gen.oneOf(r, fixtures.certificateNos())),
                    "沪建安A（0999）0000001", "鲁建安C1(2024)0012345", "沪建安C3（2024）" + "0".repeat(r.nextInt(8, 3000)), "LEGACY-001");
            case "no" -> Gen.oneOf(r, "W2026", "W" + Gen.digits(r, 13), typo(r, Gen.oneOf(r, fixtures.applicationNos())));
            case "position" -> Gen.oneOf(r, "99", "8", "00", "10", "x");
            case "photo", "signatureImage" -> Gen.oneOf(r, "data:image/png;base64," + TestIds.PNG, "/9j/4AAQ", "not base64!", "",
                    "iVBOR" + "A".repeat(r.nextInt(10, 80_000)));
            case "passed", "transferredOut", "consent" -> Gen.oneOf(r, "yes", "", "TRUE");
            case "version" -> Gen.oneOf(r, "2", "0", "-1", "9223372036854775808", "1.5", "");
            case "page", "size" -> Gen.oneOf(r, "0", "101", "abc");
            default -> Gen.anyString(r, 20);
        };
    }

    /** Any JSON value: every type, typed numbers as the fields never expect them. */
    private JsonNode anyJson(Random r, int depth) {
        return switch (r.nextInt(depth > 0 ? 12 : 9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(r.nextInt());
            case 3 -> NODES.numberNode(r.nextLong());
            case 4 -> NODES.numberNode(new BigInteger(Gen.digits(r, r.nextInt(20, 400)).replaceFirst("^0+", "1")));
            case 5 -> NODES.numberNode(r.nextDouble() * 1e6);
            case 6 -> NODES.numberNode(new BigDecimal(Gen.oneOf(r, "1E+400", "-1E-400", "0.0000001", "1E+19")));
            case 7 -> NODES.textNode(Gen.anyString(r, 30));
            case 8 -> NODES.textNode(Gen.oneOf(r, ENUM_VALUES));
            case 9 -> {
                ArrayNode array = NODES.arrayNode();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    array.add(anyJson(r, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    object.set(r.nextBoolean() ? Gen.oneOf(r, FIELDS) : Gen.anyString(r, 8), anyJson(r, depth - 1));
                }
                yield object;
            }
        };
    }

    /** Nesting deeper than any parser should follow without limits. */
    private static String deep(Random r) {
        int depth = r.nextInt(50, 3000);
        boolean arrays = r.nextBoolean();
        String field = "{\"" + Gen.oneOf(r, FIELDS) + "\":";
        return (arrays ? "[" : field).repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
    }

    /** A field with a string of 60 to 140 KiB: across the 64 KiB limit, and the 128 KiB of /registry/persons. */
    private ObjectNode huge(Random r, List<String> fields) {
        ObjectNode object = object(r, fields, false);
        object.put(Gen.oneOf(r, FIELDS), Gen.oneOf(r, "x", "沪", "😀").repeat(r.nextInt(20_000, 140_000)));
        return object;
    }

    /** Not JSON any more: cut short, garbage around it, a lone surrogate escape, a BOM, comments. */
    private static String broken(Random r, String json) {
        return switch (r.nextInt(7)) {
            case 0 -> json.substring(0, r.nextInt(json.length() + 1));
            case 1 -> json + Gen.oneOf(r, "}", ",", "]", "x", "{}");
            case 2 -> json.replaceFirst("\"", "\"\\\\ud800");
            case 3 -> "\uFEFF" + json;
            case 4 -> "/* comment */" + json;
            case 5 -> json.replace(":", ":'").replace(",", "',");
            default -> Gen.anyString(r, 50);
        };
    }

    /** Bytes that are not UTF-8: the gateway hands them to the function as base64. */
    private static byte[] notUtf8(Random r, String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] text = bytes(json);
        int at = r.nextInt(text.length + 1);
        out.write(text, 0, at);
        out.writeBytes(Gen.oneOf(r, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE6, (byte) 0xB2}));
        out.write(text, at, text.length - at);
        return out.toByteArray();
    }

    // ---- identifiers

    /** A full ID number or mobile: the kind of value that must never come back unmasked. */
    private String sensitive(Random r) {
        return Gen.oneOf(r, List.<Function<Random, String>>of(x -> Gen.oneOf(x, fixtures.idNos()),
                x -> Gen.oneOf(x, fixtures.mobiles()), ArbitraryRequests::anyIdNo, ArbitraryRequests::anyMobile)).apply(r);
    }

    static String anyIdNo(Random r) {
        LocalDate birth = Gen.date(r, LocalDate.of(1950, 1, 1), LocalDate.of(2005, 12, 31));
        return IdNumber.withCheckCharacter("31" + Gen.digits(r, 4) + birth.toString().replace("-", "") + Gen.digits(r, 3));
    }

    static String anyMobile(Random r) {
        return "1" + (char) ('3' + r.nextInt(7)) + Gen.digits(r, 9);
    }

    /** With a letter in it, so that it can never read as an ID number. */
    static String anyUscc(Random r) {
        return Uscc.withCheckCharacter("91310" + Gen.chars(r, "ABCDEFGHJKLMNPQRTUWXY", 1) + Gen.chars(r, USCC_ALPHABET, 11));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
