package anguan.aws.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JWT's identifiers are read in the form the registries store them. */
class CallerTest {

    @Test
    void anIdNumberClaimWithALowercaseXIsTheRegisteredNumber() {
        Caller caller = Caller.of(Map.of("role", "person", "idNo", " 11010519491231002x", "sub", "p1"));

        assertEquals("11010519491231002X", caller.idNo());
        assertEquals("person", caller.role());
    }

    @Test
    void aUsccClaimIsTrimmedAndUppercase() {
        assertEquals("91310000MA1FL4CT2Q", Caller.of(Map.of("role", "enterprise", "uscc", "91310000ma1fl4ct2q ")).uscc());
    }

    @Test
    void missingClaimsStayMissing() {
        Map<String, String> claims = new HashMap<>();
        claims.put("role", "system");
        Caller caller = Caller.of(claims);

        assertNull(caller.idNo());
        assertNull(caller.uscc());
        assertNull(Caller.of(null).role());
    }
}
