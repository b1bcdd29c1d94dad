package anguan.local.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchResponseTest {
    private static final Set<String> BATCH = Set.of("m1", "m2");

    @Test
    void theNamedItemsFailAndNoAnswerMeansAllSucceeded() {
        assertEquals(Optional.of(Set.of("m2")), BatchResponse.failedIds("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}", BATCH));
        for (String allGood : new String[] {null, "", "null", "{}", "{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}"}) {
            assertEquals(Optional.of(Set.of()), BatchResponse.failedIds(allGood, BATCH), allGood);
        }
    }

    @Test
    void anAnswerLambdaCannotUseFailsTheWholeBatch() {
        for (String unusable : new String[] {"not json", "[]", "\"ok\"", "{\"batchItemFailures\":{}}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"m9\"}]}", "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
                "{\"batchItemFailures\":[{}]}"}) {
            assertEquals(Optional.empty(), BatchResponse.failedIds(unusable, BATCH), unusable);
        }
    }
}
