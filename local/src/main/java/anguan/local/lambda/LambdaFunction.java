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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One function, as one warm Lambda container: its own class loader over its deployment package,
 * its own environment, one handler instance built once. Like a container it serves one invocation
 * at a time, so handler code written for Lambda needs no thread-safety it would not need there.
 */
public final class LambdaFunction implements AutoCloseable {
    /** The class through which a function reads its environment (shared/aws); optional for a function. */
    static final String ENV_CLASS = "anguan.aws.config.Env";

    private final FunctionDefinition definition;
    private final URLClassLoader loader;
    private final Object handler;
    private final Class<?> inputType;
    private final LambdaLogger logger;
    private final Duration initDuration;
    private final ReentrantLock container = new ReentrantLock(true);
    private final Map<Class<?>, PojoSerializer<Object>> serializers = new ConcurrentHashMap<>();

    private LambdaFunction(FunctionDefinition definition, URLClassLoader loader, Object handler, Duration initDuration) {
        this.definition = definition;
        this.loader = loader;
        this.handler = handler;
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
        container.lock();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        long start = System.nanoTime();
        try {
            return handler instanceof RequestStreamHandler stream ? invokeStream(stream, eventJson, context)
                    : invokeObject(eventJson, context);
        } catch (FunctionError e) {
            throw e;
        } catch (RuntimeException | Error | IOException e) {
            throw new FunctionError(name(), requestId, e);
        } finally {
            thread.setContextClassLoader(previous);
            container.unlock();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (millis > TimeUnit.SECONDS.toMillis(definition.timeoutSeconds())) {
                logger.log("request " + requestId + " took " + millis + " ms, past the function's Timeout of "
                        + definition.timeoutSeconds() + " s: Lambda would have stopped it");
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String invokeObject(String eventJson, Context context) {
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
