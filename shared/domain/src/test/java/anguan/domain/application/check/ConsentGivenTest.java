package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.firstIssue;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsentGivenTest {
    private final ConsentGiven rule = new ConsentGiven();

    @Test
    void aTickedConsentBoxPasses() {
        assertCodes(firstIssue().check(rule));
    }

    @Test
    void anUntickedConsentBoxIsRefused() {
        var violation = only(firstIssue().with(a -> a.consent(false)).check(rule));
        assertEquals("CONSENT_REQUIRED", violation.code());
        assertEquals("consent", violation.field());
    }
}
