package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.cancellation;
import static anguan.domain.application.check.SubmitContextFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import anguan.domain.application.CancelReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CancelReasonGivenTest {
    private final CancelReasonGiven rule = new CancelReasonGiven();

    @ParameterizedTest
    @EnumSource(value = CancelReason.class, names = "OTHER", mode = EnumSource.Mode.EXCLUDE)
    void aListedReasonNeedsNoText(CancelReason reason) {
        assertCodes(cancellation().with(a -> a.cancelReason(reason).cancelReasonText(null)).check(rule));
    }

    @Test
    void noReasonIsAskedFor() {
        var violation = only(cancellation().with(a -> a.cancelReason(null)).check(rule));
        assertEquals("CANCEL_REASON_REQUIRED", violation.code());
        assertEquals("cancelReason", violation.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void otherWithoutTextAsksForTheText(String text) {
        var violation = only(cancellation().with(a -> a.cancelReason(CancelReason.OTHER).cancelReasonText(text))
                .check(rule));
        assertEquals("CANCEL_REASON_REQUIRED", violation.code());
        assertEquals("cancelReasonText", violation.field());
    }

    @Test
    void otherWithoutAnyTextAsksForTheText() {
        assertEquals("cancelReasonText", only(cancellation()
                .with(a -> a.cancelReason(CancelReason.OTHER).cancelReasonText(null)).check(rule)).field());
    }

    @Test
    void otherWithTextPasses() {
        assertCodes(cancellation().with(a -> a.cancelReason(CancelReason.OTHER).cancelReasonText("退休"))
                .check(rule));
    }
}
