package anguan.domain.registry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * A concurrent feed, made deterministic: ports whose read is overtaken by a rival feed that lands
 * right after the read and before the reader writes, as another Lambda container's feed would.
 * The rival writes through the real ports; only the reader sees them through this.
 */
final class Overtaking {
    private final Runnable rival;
    private final boolean everyRead;
    private int times;
    private boolean rivalRunning;

    private Overtaking(Runnable rival, boolean everyRead) {
        this.rival = rival;
        this.everyRead = everyRead;
    }

    /** The rival lands once, after the first read. */
    static Overtaking once(Runnable rival) {
        return new Overtaking(rival, false);
    }

    /** The rival lands after every read: the reader never gets a write in. */
    static Overtaking always(Runnable rival) {
        return new Overtaking(rival, true);
    }

    /** How often the rival has landed. */
    int times() {
        return times;
    }

    /** {@code target} as the reader sees it: every {@code find…} is followed by the rival's write. */
    <P> P port(Class<P> type, P target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().startsWith("find") && !rivalRunning && (everyRead || times == 0)) {
                rivalRunning = true;
                try {
                    rival.run();
                } finally {
                    rivalRunning = false;
                }
                times++;
            }
            return result;
        }));
    }
}
