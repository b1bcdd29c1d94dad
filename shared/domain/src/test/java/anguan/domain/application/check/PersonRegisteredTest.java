package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.firstIssue;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PersonRegisteredTest {
    private final PersonRegistered rule = new PersonRegistered();

    @Test
    void aRegisteredPersonPasses() {
        assertCodes(firstIssue().check(rule));
    }

    @Test
    void anUnregisteredPersonIsAskedToRegister() {
        var violation = only(firstIssue().noPerson().check(rule));
        assertEquals("PERSON_NOT_REGISTERED", violation.code());
        assertEquals("idNo", violation.field());
        assertTrue(violation.message().contains("从业人员信息登记"));
    }
}
