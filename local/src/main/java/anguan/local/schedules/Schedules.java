package anguan.local.schedules;

import anguan.local.template.FunctionDefinition;
import anguan.local.template.ScheduleEventSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The template's scheduled events, fired on demand ({@code POST /dev/schedules/{function}}): the
 * local runner keeps no clock of its own, so a nightly job runs when a developer or a test says so,
 * with the event EventBridge would send (or the event's {@code Input} in its place).
 */
public final class Schedules {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one scheduled event's invocation answered. */
    public record Fired(String function, String event, String result) {
    }

    private final List<ScheduleEventSource> sources;
    private final Map<String, FunctionDefinition> functions;
    private final String region;
    private final String accountId;
    private final BiFunction<String, String, String> invoke;
    private final Clock clock;

    /**
     * @param functions the template's functions by logical id, in template order
     * @param invoke    invokes a function (logical id) with an event (JSON), answering its result; throws when it failed
     */
    public Schedules(List<ScheduleEventSource> sources, Map<String, FunctionDefinition> functions, String region, String accountId,
                     BiFunction<String, String, String> invoke, Clock clock) {
        this.sources = List.copyOf(sources);
        this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        this.region = region;
        this.accountId = accountId;
        this.invoke = invoke;
        this.clock = clock;
    }

    /**
     * The function a name means: its logical id, or its folder under {@code functions/} (as API.md
     * names them, e.g. {@code batch-rename}, from its CodeUri). Where functions share a folder, the
     * first in template order with scheduled events is meant.
     */
    public Optional<String> function(String name) {
        if (functions.containsKey(name)) {
            return Optional.of(name);
        }
        List<String> inFolder = functions.values().stream().filter(f -> folder(f).equals(Optional.of(name)))
                .map(FunctionDefinition::logicalId).toList();
        return inFolder.stream().filter(f -> !of(f).isEmpty()).findFirst().or(() -> inFolder.stream().findFirst());
    }

    /** The scheduled events of a function (logical id), in template order. */
    public List<ScheduleEventSource> of(String function) {
        return sources.stream().filter(s -> s.function().equals(function)).toList();
    }

    /**
     * Runs each of the function's scheduled events now, one after the other, and answers once all
     * have run.
     *
     * @throws RuntimeException from the first invocation that failed
     */
    public List<Fired> fire(String function) {
        List<Fired> fired = new ArrayList<>();
        for (ScheduleEventSource source : of(function)) {
            String event = source.input().orElseGet(() -> defaultEvent(source));
            fired.add(new Fired(function, source.eventName(), invoke.apply(function, event)));
        }
        return fired;
    }

    /** The notification EventBridge (Schedule) or EventBridge Scheduler (ScheduleV2) sends without an Input. */
    String defaultEvent(ScheduleEventSource source) {
        boolean scheduler = source.type().equals("ScheduleV2");
        String name = "anguan-local-" + source.function() + source.eventName();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", scheduler ? "aws.scheduler" : "aws.events");
        event.put("account", accountId);
        event.put("time", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add(scheduler
                ? "arn:aws:scheduler:" + region + ":" + accountId + ":schedule/default/" + name
                : "arn:aws:events:" + region + ":" + accountId + ":rule/" + name);
        event.putObject("detail");
        return event.toString();
    }

    private static Optional<String> folder(FunctionDefinition function) {
        String[] segments = function.codeUri().replace('\\', '/').split("/");
        return segments.length > 1 && segments[0].equals("functions") ? Optional.of(segments[1]) : Optional.empty();
    }
}
