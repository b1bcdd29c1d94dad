package anguan.local.lambda;

import anguan.local.template.FunctionDefinition;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One function, as Lambda runs it: warm containers ({@link Container}), each serving one
 * invocation at a time. A request that finds every container busy gets a new one (a cold start),
 * up to {@link #MAX_CONTAINERS}, then waits for one to be free. So concurrent requests really run
 * at once, as they do on Lambda, and races between them show here too.
 */
public final class LambdaFunction implements AutoCloseable {
    /**
     * Lambda scales much further; a few containers are enough for concurrent requests to overlap,
     * and each one costs a class loader's worth of memory.
     */
    static final int MAX_CONTAINERS = 4;

    private final FunctionDefinition definition;
    private final List<URL> classPath;
    private final Map<String, String> environment;
    private final ClassLoader runner;
    private final LambdaLogger logger;
    private final Container first;
    private final Semaphore free = new Semaphore(MAX_CONTAINERS, true);
    private final Deque<Container> idle = new ArrayDeque<>();
    private final List<Container> started = new ArrayList<>();

    private LambdaFunction(FunctionDefinition definition, List<URL> classPath, Map<String, String> environment,
                           ClassLoader runner, Container first) {
        this.definition = definition;
        this.classPath = List.copyOf(classPath);
        this.environment = Map.copyOf(environment);
        this.runner = runner;
        this.logger = new LocalContext.StderrLogger(definition.logicalId());
        this.first = first;
        idle.push(first);
        started.add(first);
    }

    /** Starts the function's first container (Lambda's init phase); its init time is the function's cold start. */
    static LambdaFunction create(FunctionDefinition definition, List<URL> classPath, Map<String, String> environment,
                                 ClassLoader runner) {
        Container first = Container.start(definition, classPath, environment, runner);
        return new LambdaFunction(definition, classPath, environment, runner, first);
    }

    public String name() {
        return definition.logicalId();
    }

    public FunctionDefinition definition() {
        return definition;
    }

    /** Class loading, environment and handler construction of the first container: Lambda's init phase. */
    public Duration initDuration() {
        return first.initDuration();
    }

    /** The class loader the first container's code lives in (tests use it to check isolation). */
    public ClassLoader classLoader() {
        return first.classLoader();
    }

    /** How many containers have been started so far. */
    public synchronized int containers() {
        return started.size();
    }

    /**
     * Invokes the handler with an event given as JSON (API Gateway, SQS, schedule...), turned into
     * the handler's own event class by Lambda's serialization, and answers the result as JSON.
     *
     * @throws FunctionError when the handler throws (the error Lambda would report)
     */
    public String invoke(String eventJson) {
        String requestId = UUID.randomUUID().toString();
        Context context = new LocalContext(requestId, name(), definition.memorySizeMb(),
                System.nanoTime() + TimeUnit.SECONDS.toNanos(definition.timeoutSeconds()), logger);
        free.acquireUninterruptibly();
        Container container = null;
        long start = System.nanoTime();
        try {
            container = idleOrNew();
            return container.invoke(eventJson, context);
        } catch (FunctionError e) {
            throw e;
        } catch (RuntimeException | Error | IOException e) {
            throw new FunctionError(name(), requestId, e);
        } finally {
            if (container != null) {
                release(container);
            }
            free.release();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (millis > TimeUnit.SECONDS.toMillis(definition.timeoutSeconds())) {
                logger.log("request " + requestId + " took " + millis + " ms, past the function's Timeout of "
                        + definition.timeoutSeconds() + " s: Lambda would have stopped it");
            }
        }
    }

    /** The most recently used idle container (warm, as Lambda prefers), else a new one started on this thread. */
    private Container idleOrNew() {
        synchronized (this) {
            Container warm = idle.poll();
            if (warm != null) {
                return warm;
            }
        }
        Container fresh = Container.start(definition, classPath, environment, runner);
        synchronized (this) {
            started.add(fresh);
        }
        return fresh;
    }

    private synchronized void release(Container container) {
        idle.push(container);
    }

    @Override
    public synchronized void close() {
        started.forEach(Container::close);
        started.clear();
        idle.clear();
    }
}
