package anguan.local.demo;

import anguan.domain.enterprise.Uscc;
import anguan.domain.person.IdNumber;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A small world to click through: three enterprises, five persons and their employments, exams
 * and certificates, each person set up for one of the application types. Loaded the way the
 * registries feed the real system, through the runner's own HTTP API with a system token, so the
 * registry function checks it like any feed. Dates are relative to the day it is loaded (Shanghai).
 */
public final class DemoData {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A demo enterprise and what to try with it. */
    public record Enterprise(String uscc, String name, String signingPassword, String tryThis) {
    }

    /** A demo person and what to try as them. */
    public record Person(String idNo, String name, String mobile, String tryThis) {
    }

    private record Feed(String method, String path, Map<String, Object> body) {
    }

    private final LocalDate today;
    private final List<Enterprise> enterprises = new ArrayList<>();
    private final List<Person> persons = new ArrayList<>();
    private final List<Feed> feeds = new ArrayList<>();

    private DemoData(LocalDate today) {
        this.today = today;
    }

    public static DemoData asOf(LocalDate today) {
        DemoData demo = new DemoData(today);
        demo.build();
        return demo;
    }

    public static DemoData today() {
        return asOf(LocalDate.now(SHANGHAI));
    }

    public List<Enterprise> enterprises() {
        return List.copyOf(enterprises);
    }

    public List<Person> persons() {
        return List.copyOf(persons);
    }

    private void build() {
        String photo = photo();
        Enterprise pujiang = enterprise("91310000MA1FL1A01", "上海浦江建设工程有限公司", "pujiang-2026",
                "signs the applications of 张伟, 李娜 and 王强");
        Enterprise shencheng = enterprise("91310115MA1H2B002", "上海申城建设工程有限公司", "shencheng-2026",
                "employs 王强 (also at 浦江) and 陈静");
        Enterprise donghai = enterprise("91310104MA1K3C003", "上海东海建设工程有限公司", "donghai-2026",
                "employs 刘洋, whose certificate has expired");

        // 考核发证: an initial C3 exam passed 30 days ago, no certificate yet.
        Person zhangWei = person("31010119850312013", "张伟", "M", "13900000001", photo,
                "FIRST_ISSUE: {\"type\":\"FIRST_ISSUE\",\"category\":\"C3\",\"position\":\"08\"}");
        employ(zhangWei, pujiang, today.minusYears(2));
        exam(zhangWei, "INITIAL", "C3", today.minusDays(30));

        // 证书延期: C3 valid until about two months from now (renewal window open), continuing education done.
        LocalDate liNaValidTo = today.plusMonths(2);
        LocalDate liNaValidFrom = liNaValidTo.minusYears(3).plusDays(1);
        String liNaC3 = certificateNo("C3", liNaValidFrom, 800001);
        Person liNa = person("31010419880725024", "李娜", "F", "13900000002", photo,
                "RENEWAL: {\"type\":\"RENEWAL\",\"certificateNo\":\"" + liNaC3 + "\"}");
        employ(liNa, pujiang, today.minusYears(4));
        certificate(liNaC3, liNa, "C3", "08", pujiang, liNaValidFrom, liNaValidTo, "VALID");
        exam(liNa, "CONTINUING", "C3", today.minusDays(60));

        // Two employers: an A certificate (法定代表人) at 浦江, newly employed by 申城 as well.
        Person wangQiang = person("31011519790108035", "王强", "M", "13900000003", photo,
                "employed twice: FIRST_ISSUE B without uscc gives ENTERPRISE_REQUIRED, with \"uscc\" it works");
        employ(wangQiang, pujiang, today.minusYears(3));
        employ(wangQiang, shencheng, today.minusDays(90));
        LocalDate wangQiangValidFrom = today.minusYears(1);
        certificate(certificateNo("A", wangQiangValidFrom, 800002), wangQiang, "A", "01", pujiang,
                wangQiangValidFrom, wangQiangValidFrom.plusYears(3).minusDays(1), "VALID");
        exam(wangQiang, "INITIAL", "B", today.minusDays(10));

        // An expired C1 (stored VALID, shown EXPIRED) and an exam, but no registry photo.
        Person liuYang = person("31011019900520017", "刘洋", "M", "13900000004", null,
                "expired C1 (RENEWAL refused: CERTIFICATE_NOT_VALID); FIRST_ISSUE C2 refused: PHOTO_MISSING");
        employ(liuYang, donghai, today.minusYears(5));
        LocalDate liuYangValidTo = today.minusDays(60);
        LocalDate liuYangValidFrom = liuYangValidTo.minusYears(3).plusDays(1);
        certificate(certificateNo("C1", liuYangValidFrom, 800003), liuYang, "C1", "08", donghai,
                liuYangValidFrom, liuYangValidTo, "VALID");
        exam(liuYang, "INITIAL", "C2", today.minusDays(20));

        // 进沪换证: a Shandong C1 marked 办理转出 on the national platform.
        LocalDate externalFrom = today.minusYears(1).minusMonths(2);
        String external = "鲁建安C1（" + externalFrom.getYear() + "）0012345";
        Person chenJing = person("37010219870914046", "陈静", "F", "13900000005", photo,
                "TRANSFER_IN: {\"type\":\"TRANSFER_IN\",\"originalCertificateNo\":\"" + external + "\",\"position\":\"08\"}");
        employ(chenJing, shencheng, today.minusDays(30));
        feeds.add(new Feed("PUT", "/registry/external-certificates/" + segment(external), body(
                "idNo", chenJing.idNo, "name", chenJing.name, "category", "C1", "enterpriseName", "山东齐鲁建设集团有限公司",
                "validFrom", externalFrom.toString(), "validTo", externalFrom.plusYears(3).minusDays(1).toString(),
                "transferredOut", true)));
    }

    private Enterprise enterprise(String first17, String name, String password, String tryThis) {
        Enterprise enterprise = new Enterprise(Uscc.withCheckCharacter(first17), name, password, tryThis);
        enterprises.add(enterprise);
        feeds.add(new Feed("PUT", "/registry/enterprises/" + enterprise.uscc, body("name", name, "signingPassword", password)));
        return enterprise;
    }

    private Person person(String first17, String name, String gender, String mobile, String photo, String tryThis) {
        String idNo = IdNumber.withCheckCharacter(first17);
        Person person = new Person(idNo, name, mobile, tryThis);
        persons.add(person);
        LocalDate birthDate = LocalDate.parse(first17.substring(6, 10) + "-" + first17.substring(10, 12) + "-" + first17.substring(12, 14));
        Map<String, Object> body = body("name", name, "gender", gender, "birthDate", birthDate.toString(),
                "idType", "ID_CARD", "mobile", mobile);
        if (photo != null) {
            body.put("photo", photo);
        }
        feeds.add(new Feed("PUT", "/registry/persons/" + idNo, body));
        return person;
    }

    private void employ(Person person, Enterprise enterprise, LocalDate since) {
        feeds.add(new Feed("PUT", "/registry/employments/" + person.idNo + "/" + enterprise.uscc, body("since", since.toString())));
    }

    private void exam(Person person, String type, String category, LocalDate date) {
        feeds.add(new Feed("POST", "/registry/exam-results", body("idNo", person.idNo, "examType", type, "category", category,
                "examDate", date.toString(), "passed", true)));
    }

    /** Serials from 0800001 up stay clear of the ones the system issues from 0000001. */
    private static String certificateNo(String category, LocalDate validFrom, int serial) {
        return "沪建安" + category + "（" + validFrom.getYear() + "）" + String.format("%07d", serial);
    }

    /** Migrates an existing Shanghai certificate. */
    private void certificate(String number, Person person, String category, String position, Enterprise enterprise,
                             LocalDate validFrom, LocalDate validTo, String status) {
        feeds.add(new Feed("PUT", "/registry/certificates/" + segment(number), body(
                "idNo", person.idNo, "category", category, "position", position, "uscc", enterprise.uscc,
                "firstIssueDate", validFrom.toString(), "validFrom", validFrom.toString(), "validTo", validTo.toString(),
                "status", status)));
    }

    /**
     * Sends every feed. Answers what failed (method, path, status, body), empty when all were accepted.
     */
    public List<String> load(URI baseUrl, String systemToken) {
        List<String> failures = new ArrayList<>();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            for (Feed feed : feeds) {
                HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(feed.path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + systemToken)
                        .header("Content-Type", "application/json")
                        .method(feed.method, HttpRequest.BodyPublishers.ofString(json(feed.body)))
                        .build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() / 100 != 2) {
                        failures.add(feed.method + " " + feed.path + " -> " + response.statusCode() + " " + response.body());
                    }
                } catch (IOException e) {
                    failures.add(feed.method + " " + feed.path + " -> " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add("interrupted");
                    break;
                }
            }
        }
        return failures;
    }

    /** Who is there and what to try, with ready-made curl calls against the runner. */
    public String describe(URI baseUrl) {
        StringBuilder out = new StringBuilder();
        out.append("Demo enterprises (token: {\"role\":\"enterprise\",\"uscc\":\"…\"}):\n");
        for (Enterprise e : enterprises) {
            out.append(String.format("  %s  %s  signingPassword %s — %s%n", e.uscc, e.name, e.signingPassword, e.tryThis));
        }
        out.append("Demo persons (token: {\"role\":\"person\",\"idNo\":\"…\"}):\n");
        for (Person p : persons) {
            out.append(String.format("  %s  %s  %s — %s%n", p.idNo, p.name, p.mobile, p.tryThis));
        }
        String base = baseUrl.toString().replaceAll("/$", "");
        Person first = persons.getFirst();
        out.append("Try (as ").append(first.name).append("):\n");
        out.append("  TOKEN=$(curl -s -X POST ").append(base).append("/dev/tokens -d '{\"role\":\"person\",\"idNo\":\"")
                .append(first.idNo).append("\",\"name\":\"").append(first.name).append("\"}' | sed -E 's/.*\"token\":\"([^\"]+)\".*/\\1/')\n");
        out.append("  curl -s ").append(base).append("/me -H \"Authorization: Bearer $TOKEN\"\n");
        out.append("  curl -s -X POST ").append(base).append("/applications -H \"Authorization: Bearer $TOKEN\"")
                .append(" -H 'Content-Type: application/json' -d '{\"type\":\"FIRST_ISSUE\",\"category\":\"C3\",\"position\":\"08\"}'\n");
        out.append("  curl -s ").append(base).append("/applications -H \"Authorization: Bearer $TOKEN\"\n");
        return out.toString();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 60×80 passport-style placeholder: a head and shoulders on light blue, a few hundred bytes of PNG. */
    static String photo() {
        BufferedImage image = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xD6, 0xE6, 0xF5));
            g.fillRect(0, 0, 60, 80);
            g.setColor(new Color(0x4A, 0x55, 0x68));
            g.fillOval(18, 14, 24, 28);
            g.fillRoundRect(8, 46, 44, 40, 20, 20);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
