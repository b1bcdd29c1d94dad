package anguan.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Registry data for one test, fed through the real registry routes with a system token. */
final class World {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    final Api api;
    private final String system;

    World(Api api) {
        this.api = api;
        this.system = api.system();
    }

    String enterprise(String name) {
        String uscc = TestIds.uscc();
        ok(api.put("/registry/enterprises/" + uscc, Map.of("name", name, "signingPassword", "Pw-123456"), system));
        return uscc;
    }

    /** An enterprise whose contact mobile receives its notifications (SMS). */
    String enterprise(String name, String contactMobile) {
        String uscc = TestIds.uscc();
        ok(api.put("/registry/enterprises/" + uscc, Map.of("name", name, "signingPassword", "Pw-123456",
                "contactMobile", contactMobile), system));
        return uscc;
    }

    String person(String name, boolean withPhoto) {
        return person(name, withPhoto, TestIds.mobile());
    }

    String person(String name, boolean withPhoto, String mobile) {
        String idNo = TestIds.idNo();
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "gender", TestIds.gender(idNo),
                "birthDate", TestIds.birthDate(idNo), "idType", "ID_CARD", "mobile", mobile));
        if (withPhoto) {
            body.put("photo", TestIds.PNG);
        }
        ok(api.put("/registry/persons/" + idNo, body, system));
        return idNo;
    }

    /** A registered person, employed by an enterprise of their own, and their token. */
    record Applicant(String idNo, String uscc, String token) {
    }

    Applicant employedApplicant(boolean withPhoto) {
        String uscc = enterprise("上海申城建设工程有限公司");
        String idNo = person("陈子莲", withPhoto);
        employ(idNo, uscc);
        return new Applicant(idNo, uscc, api.person(idNo));
    }

    void employ(String idNo, String uscc) {
        ok(api.put("/registry/employments/" + idNo + "/" + uscc, Map.of("since", TODAY.minusYears(2).toString()), system));
    }

    void leave(String idNo, String uscc) {
        Api.Reply r = api.delete("/registry/employments/" + idNo + "/" + uscc, system);
        assertEquals(204, r.status(), r.toString());
    }

    void exam(String idNo, String type, String category, LocalDate date, boolean passed) {
        ok(api.post("/registry/exam-results", Map.of("idNo", idNo, "examType", type, "category", category,
                "examDate", date.toString(), "passed", passed), system));
    }

    String certificate(String idNo, String category, String position, String uscc, LocalDate validTo, String status) {
        String number = TestIds.certificateNo(category, validTo.minusYears(3).getYear());
        LocalDate from = validTo.plusDays(1).minusYears(3);
        ok(api.put("/registry/certificates/" + Api.seg(number), Map.of("idNo", idNo, "category", category,
                "position", position, "uscc", uscc, "firstIssueDate", from.toString(), "validFrom", from.toString(),
                "validTo", validTo.toString(), "status", status), system));
        return number;
    }

    void external(String number, String idNo, String name, String category, LocalDate validTo, boolean transferredOut) {
        ok(api.put("/registry/external-certificates/" + Api.seg(number), Map.of("idNo", idNo, "name", name,
                "category", category, "enterpriseName", "山东鲁建工程集团有限公司", "validFrom",
                validTo.plusDays(1).minusYears(3).toString(), "validTo", validTo.toString(),
                "transferredOut", transferredOut), system));
    }

    private static void ok(Api.Reply r) {
        assertEquals(200, r.status(), r.toString());
    }
}
