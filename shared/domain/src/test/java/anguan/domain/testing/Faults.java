package anguan.domain.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fault-injection seam (故障注入): wraps ports so that the k-th write dies, as a crashed function
 * would, either before the write takes effect or after it took effect but before the call returned
 * (the nasty case: the state changed and nobody was told). It also counts and names the writes, so
 * a test can ask how many a use case makes and then crash it at each of them. Which calls are
 * writes is {@link PortMethods}' rule, so a port's new write method is covered without editing this.
 *
 * <pre>{@code
 * Faults faults = new Faults();
 * IssueService service = faults.wire(IssueService.class, store.applicationRepository(), store, clock);
 * faults.failAt(2, Faults.When.AFTER);               // the 2nd write happens, then the function dies
 * assertThrows(Crash.class, () -> service.issue(no));
 * faults.reset(); service.issue(no);                 // the redelivery, without faults
 * }</pre>
 * {@link CrashAndRetry} does that for every k and both moments and compares whole states.
 */
public final class Faults {

    /** Where the crash falls around the chosen write. */
    public enum When {
        /** The write never reaches the store. */
        BEFORE,
        /** The write is stored; the function dies before it hears so. */
        AFTER
    }

    private final List<String> writes = new ArrayList<>();
    private int failAt;
    private When when;
    private boolean crashed;

    /** {@code target} behind a proxy of {@code port} that counts its writes and fails the armed one. */
    public <P> P faulty(Class<P> port, P target) {
        if (!port.isInterface()) {
            throw new IllegalArgumentException(port.getName() + " is not a port interface");
        }
        InvocationHandler handler = (proxy, method, args) -> dispatch(port, target, proxy, method, args);
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    /**
     * Builds {@code service} through its public constructor with these collaborators, every one
     * that the constructor takes as an interface (a port) behind {@link #faulty}, so no port of the
     * service escapes the seam.
     */
    public <S> S wire(Class<S> service, Object... collaborators) {
        for (Constructor<?> constructor : service.getConstructors()) {
            Class<?>[] types = constructor.getParameterTypes();
            if (!fits(types, collaborators)) {
                continue;
            }
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                // only the domain's ports: a RandomGenerator or a Clock is no state that a crash could leave half-written
                args[i] = types[i].isInterface() && types[i].getName().startsWith("anguan.") ? faultyAs(types[i], collaborators[i]) : collaborators[i];
            }
            try {
                return service.cast(constructor.newInstance(args));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + service.getName(), e);
            }
        }
        throw new IllegalArgumentException("no public constructor of " + service.getSimpleName() + " takes "
                + Arrays.stream(collaborators).map(c -> c.getClass().getSimpleName()).toList());
    }

    /** From now on, the {@code k}-th write (counting from 1) crashes {@code when}; once. */
    public synchronized void failAt(int k, When when) {
        if (k < 1) {
            throw new IllegalArgumentException("writes count from 1: " + k);
        }
        reset();
        this.failAt = k;
        this.when = when;
    }

    /** Counts from zero again and fails nothing: a fresh invocation of a healthy function. */
    public synchronized void reset() {
        writes.clear();
        failAt = 0;
        when = null;
        crashed = false;
    }

    /** How many writes were made since the last {@link #reset} or {@link #failAt}. */
    public synchronized int writes() {
        return writes.size();
    }

    /** Those writes in order, each as {@code Port.method}. */
    public synchronized List<String> writeLog() {
        return List.copyOf(writes);
    }

    /** Whether the armed fault has fired. */
    public synchronized boolean crashed() {
        return crashed;
    }

    private Object dispatch(Class<?> port, Object target, Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "faulty " + port.getSimpleName() + " over " + target;
            };
        }
        if (PortMethods.classify(method) == PortMethods.Kind.READ) {
            return invoke(target, method, args);
        }
        String write = port.getSimpleName() + "." + method.getName();
        When crash = count(write);
        if (crash == When.BEFORE) {
            throw new Crash("crashed before write " + writes() + ": " + write);
        }
        Object result = invoke(target, method, args);
        if (crash == When.AFTER) {
            throw new Crash("crashed after write " + writes() + ": " + write);
        }
        return result;
    }

    /** @return when this write crashes, or null */
    private synchronized When count(String write) {
        writes.add(write);
        if (writes.size() != failAt) {
            return null;
        }
        crashed = true;
        return when;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private <P> P faultyAs(Class<P> port, Object target) {
        return faulty(port, (P) target);
    }

    private static boolean fits(Class<?>[] types, Object[] collaborators) {
        if (types.length != collaborators.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            if (!types[i].isInstance(collaborators[i])) {
                return false;
            }
        }
        return true;
    }
}
