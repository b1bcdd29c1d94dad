package anguan.local.queues;

import anguan.local.cloud.LocalCloud;
import anguan.local.cloud.PhysicalNames;
import anguan.local.template.QueueEventSource;
import anguan.local.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Lambda's event source mappings for the template's {@code SQS} events: one poller thread per
 * event, started once the queues and functions exist.
 */
public final class QueuePollers implements AutoCloseable {
    private final List<QueuePoller> pollers;
    private final List<Thread> threads = new ArrayList<>();

    private QueuePollers(List<QueuePoller> pollers) {
        this.pollers = pollers;
    }

    /**
     * @param invoke invokes a function (logical id) with an event (JSON), answering its result (JSON)
     */
    public static QueuePollers start(Template template, PhysicalNames names, LocalCloud cloud,
                                     BiFunction<String, String, String> invoke) {
        List<QueuePoller> pollers = new ArrayList<>();
        for (QueueEventSource source : template.queueEventSources()) {
            String url = String.valueOf(names.ref(source.queue()));
            String arn = names.attribute(source.queue(), "Arn");
            pollers.add(new QueuePoller(source, url, arn, LocalCloud.REGION, cloud.sqs(),
                    event -> invoke.apply(source.function(), event)));
        }
        QueuePollers started = new QueuePollers(List.copyOf(pollers));
        for (QueuePoller poller : pollers) {
            Thread thread = new Thread(poller, "sqs-" + poller.source().function() + "-" + poller.source().eventName());
            thread.setDaemon(true);
            thread.start();
            started.threads.add(thread);
        }
        return started;
    }

    /** Each function's polled queues (logical ids), for the health report. */
    public Map<String, List<String>> queuesByFunction() {
        return pollers.stream().map(QueuePoller::source).collect(Collectors.groupingBy(QueueEventSource::function,
                java.util.LinkedHashMap::new, Collectors.mapping(QueueEventSource::queue, Collectors.toList())));
    }

    /** True while every poller thread runs. */
    public boolean running() {
        return threads.stream().allMatch(Thread::isAlive);
    }

    @Override
    public void close() {
        pollers.forEach(QueuePoller::stop);
        for (Thread thread : threads) {
            try {
                thread.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
