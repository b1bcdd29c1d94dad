package anguan.local.lambda;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * The parent of every function's class loader: what Lambda's Java runtime shows user code. The
 * runtime's own interfaces ({@code RequestHandler}, {@code Context}, {@code LambdaLogger}) and its
 * serialization come from the runner, so that the runner can call the handler and hand it a
 * context; event classes ({@code ...runtime.events.*}) and everything else come from the function's
 * own package or the JDK, exactly as on Lambda. Nothing else of the runner's class path leaks in.
 */
final class RuntimeApiClassLoader extends ClassLoader {
    private static final String RUNTIME = "com.amazonaws.services.lambda.runtime.";
    private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

    private final ClassLoader runner;

    RuntimeApiClassLoader(ClassLoader runner) {
        super("lambda-runtime", ClassLoader.getPlatformClassLoader());
        this.runner = runner;
    }

    static boolean isRuntimeApi(String className) {
        return className.startsWith(RUNTIME) && !className.startsWith(EVENTS);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isRuntimeApi(name)) {
            return runner.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return isRuntimeApi(resourceToClassName(name)) ? runner.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return isRuntimeApi(resourceToClassName(name)) ? runner.getResources(name) : super.getResources(name);
    }

    private static String resourceToClassName(String resource) {
        return resource.replace('/', '.');
    }
}
