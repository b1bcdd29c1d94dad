package anguan.aws.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogTest {
    @Test
    void idNumbersAndMobilesInErrorMessagesAreMaskedBeforeTheyAreLogged() {
        assertEquals("no person 11**************2X, mobile 139******78, serial W2026112700001",
                Log.redact("no person 11010519491231002X, mobile 13912345678, serial W2026112700001"));
    }
}
