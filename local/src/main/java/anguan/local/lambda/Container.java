package anguan.local.lambda;

import anguan.local.template.FunctionDefinition;
import com.amazonaws.services.lambda.runtime.Context;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * One warm Lambda container of a function: its own class loader over the deployment package, its
 * own copy of the environment, one handler instance built once. It serves one invocation at a
 * time (its {@link LambdaFunction} sees to that), as a container does, so handler code written for
 * Lambda needs no thread-safety it would not need there.
 */
final class Container implements AutoCloseable {
    /** The class through which a function reads its environment (shared/aws); optional for a function. */
    static final String ENV_CLASS = "anguan.aws.config.Env";

    private final URLClassLoader loader;
    private final Object handler;
    private final Class<?> inputType;
    private final Duration initDuration;
    private final Map<Class<?>, PojoSerializer<Object>> serializers = new ConcurrentHashMap<>();

    private Container(URLClassLoader loader, Object handler, Duration initDuration) {
        this.loader = loader;
        this.handler = handler;
        this.inputType = handler instanceof RequestHandler<?, ?> ? inputType(handler.getClass()) : null;
        this.initDuration = initDuration;
    }

    /**
     * Builds the container's class loader, hands it its environment and constructs the handler, as
     * Lambda's init phase does. The time this takes is the container's init (cold start) time.
     */
    static Container start(FunctionDefinition definition, List<URL> classPath, Map<String, String> environment,
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
            return new Container(loader, handler, Duration.ofNanos(System.nanoTime() - start));
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

    Duration initDuration() {
        return initDuration;
    }

    ClassLoader classLoader() {
        return loader;
    }

    /** Runs the handler on the calling thread with the container's class loader as its context loader. */
    String invoke(String eventJson, Context context) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return handler instanceof RequestStreamHandler stream ? invokeStream(stream, eventJson, context)
                    : invokeObject(eventJson, context);
        } finally {
            thread.setContextClassLoader(previous);
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
     * On Lambda the environment is the process's; here every container shares one process, so the
     * runner hands each container's copy of {@code Env} its own variables, in the container's loader.
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
