package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.firstIssue;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static anguan.domain.application.check.SubmitContextFixture.person;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegistryPhotoPresentTest {
    private final RegistryPhotoPresent rule = new RegistryPhotoPresent();

    @Test
    void aRegistryPhotoPasses() {
        assertCodes(firstIssue().check(rule));
    }

    @Test
    void aRegistryEntryWithoutPhotoIsRefused() {
        var violation = only(firstIssue().person(person(false)).check(rule));
        assertEquals("PHOTO_MISSING", violation.code());
        assertEquals("photo", violation.field());
    }

    @Test
    void anUnregisteredPersonIsReportedOnlyOnceByPersonRegistered() {
        assertCodes(firstIssue().noPerson().check(rule));
    }
}
