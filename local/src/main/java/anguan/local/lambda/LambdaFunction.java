package anguan.local.lambda;

import anguan.local.template.FunctionDefinition;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One function, as Lambda runs it warm: its own class loader over its deployment package, its own
 * environment, and containers (handler instances, each built once) that serve one invocation at a
 * time each, so handler code written for Lambda needs no thread-safety it would not need there.
 * When every container is busy another is started, as Lambda scales out (up to
 * {@link #MAX_CONTAINERS}): requests that arrive together really run at the same time, and races
 * between them show here as they would in the cloud. The containers share the function's loaded
 * classes, and so its statics (Lambda's are separate processes): what a handler keeps in a static
 * must be safe to share between threads.
 */
public final class LambdaFunction implements AutoCloseable {
    /** The class through which a function reads its environment (shared/aws); optional for a function. */
    static final String ENV_CLASS = "anguan.aws.config.Env";

    /** Enough for requests to race as they would in the cloud; Lambda itself would start many more. */
    static final int MAX_CONTAINERS = 8;

    private final FunctionDefinition definition;
    private final URLClassLoader loader;
    private final Class<?> inputType;
    private final boolean stream;
    private final LambdaLogger logger;
    private final Duration initDuration;
    /** Warm containers waiting for an invocation, the most recently used first. */
    private final BlockingDeque<Object> idle = new LinkedBlockingDeque<>();
    private final AtomicInteger containers = new AtomicInteger(1);
    private final Map<Class<?>, PojoSerializer<Object>> serializers = new ConcurrentHashMap<>();

    private LambdaFunction(FunctionDefinition definition, URLClassLoader loader, Object handler, Duration initDuration) {
        this.definition = definition;
        this.loader = loader;
        this.idle.add(handler);
        this.stream = handler instanceof RequestStreamHandler;
        this.inputType = handler instanceof RequestHandler<?, ?> ? inputType(handler.getClass()) : null;
        this.logger = new LocalContext.StderrLogger(definition.logicalId());
        this.initDuration = initDuration;
    }

    /**
     * Builds the function's class loader, hands it its environment and constructs the handler, as
     * Lambda's init phase does. The time this takes is the function's init (cold start) time.
     */
    static LambdaFunction create(FunctionDefinition definition, List<URL> classPath, Map<String, String> environment,
                                 ClassLoader runner) {
        long start = System.nanoTime();
        URLClassLoader loader = new URLClassLoader("function:" + definition.logicalId(), classPath.toArray(URL[]::new),
                new RuntimeApiClassLoader(runner));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            useEnvironment(loader, environment);
            Class<?> handlerClass = Class.forName(definition.handlerClass(), true, loader);
            checkMethod(definition, handlerClass);
            Object handler = handlerClass.getConstructor().newInstance();
            return new LambdaFunction(definition, loader, handler, Duration.ofNanos(System.nanoTime() - start));
        } catch (InvocationTargetException e) {
            closeQuietly(loader);
            throw new IllegalStateException(definition.logicalId() + ": the handler's constructor failed", e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            closeQuietly(loader);
            throw new IllegalStateException(definition.logicalId() + ": cannot load handler " + definition.handler(), e);
        } catch (RuntimeException e) {
            closeQuietly(loader);
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public String name() {
        return definition.logicalId();
    }

    public FunctionDefinition definition() {
        return definition;
    }

    /** Class loading, environment and handler construction: Lambda's init phase. */
    public Duration initDuration() {
        return initDuration;
    }

    /** The class loader the function's code lives in (tests use it to check isolation). */
    public ClassLoader classLoader() {
        return loader;
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
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        Object handler = null;
        long start = System.nanoTime();
        try {
            handler = container();
            return stream ? invokeStream((RequestStreamHandler) handler, eventJson, context)
                    : invokeObject(handler, eventJson, context);
        } catch (FunctionError e) {
            throw e;
        } catch (RuntimeException | Error | IOException | ReflectiveOperationException e) {
            throw new FunctionError(name(), requestId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionError(name(), requestId, e);
        } finally {
            if (handler != null) {
                idle.offerFirst(handler);
            }
            thread.setContextClassLoader(previous);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (millis > TimeUnit.SECONDS.toMillis(definition.timeoutSeconds())) {
                logger.log("request " + requestId + " took " + millis + " ms, past the function's Timeout of "
                        + definition.timeoutSeconds() + " s: Lambda would have stopped it");
            }
        }
    }

    /** An idle container, a new one when all are busy and there may be more, else the first to come free. */
    private Object container() throws ReflectiveOperationException, InterruptedException {
        Object warm = idle.pollFirst();
        if (warm != null) {
            return warm;
        }
        if (containers.incrementAndGet() <= MAX_CONTAINERS) {
            try {
                return Class.forName(definition.handlerClass(), true, loader).getConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                containers.decrementAndGet();
                throw e;
            }
        }
        containers.decrementAndGet();
        return idle.takeFirst();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String invokeObject(Object handler, String eventJson, Context context) {
        Object event = serializer(inputType).fromJson(eventJson);
        Object result = ((RequestHandler) handler).handleRequest(event, context);
        if (result == null) {
            return "null";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(result.getClass()).toJson(result, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String invokeStream(RequestStreamHandler stream, String eventJson, Context context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stream.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> serializer(Class<?> type) {
        return serializers.computeIfAbsent(type, t -> (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(t, loader));
    }

    @Override
    public void close() {
        closeQuietly(loader);
    }

    /**
     * On Lambda the environment is the process's; here every function shares one process, so the
     * runner hands each function's copy of {@code Env} its own variables, in the function's loader.
     */
    private static void useEnvironment(ClassLoader loader, Map<String, String> environment) throws ReflectiveOperationException {
        Class<?> env;
        try {
            env = Class.forName(ENV_CLASS, true, loader);
        } catch (ClassNotFoundException functionWithoutSharedAws) {
            return;
        }
        try {
            env.getMethod("use", Map.class).invoke(null, Map.copyOf(environment));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(ENV_CLASS + ".use failed", e.getCause());
        }
    }

    private static void checkMethod(FunctionDefinition definition, Class<?> handlerClass) {
        String handler = definition.handler();
        int separator = handler.indexOf("::");
        String method = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        boolean lambdaInterface = RequestHandler.class.isAssignableFrom(handlerClass)
                || RequestStreamHandler.class.isAssignableFrom(handlerClass);
        if (!lambdaInterface || !method.equals("handleRequest")) {
            throw new IllegalStateException(definition.logicalId() + ": the local runner invokes RequestHandler or "
                    + "RequestStreamHandler::handleRequest only, the template says " + handler);
        }
    }

    /** The event class the handler declares, as Lambda's runtime finds it: handleRequest(X, Context). */
    private static Class<?> inputType(Class<?> handlerClass) {
        for (Method method : handlerClass.getMethods()) {
            if (method.getName().equals("handleRequest") && !method.isBridge() && method.getParameterCount() == 2
                    && method.getParameterTypes()[1] == Context.class) {
                return method.getParameterTypes()[0];
            }
        }
        return Object.class;
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // the jars are read-only copies in a work directory that is deleted next
        }
    }
}
