package anguan.local.template;

import java.util.Optional;

/**
 * A {@code Schedule} (EventBridge rule) or {@code ScheduleV2} (EventBridge Scheduler) event under
 * a function's {@code Events:}.
 *
 * @param type       {@code Schedule} or {@code ScheduleV2}
 * @param expression its {@code ScheduleExpression}, e.g. {@code cron(0 2 * * ? *)}
 * @param input      its {@code Input}: what the function gets instead of the default event
 */
public record ScheduleEventSource(String function, String eventName, String type, String expression, Optional<String> input) {
}
