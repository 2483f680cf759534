package io.masthead.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.masthead.local.template.FunctionSpec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * One function of the template, run the way Lambda runs it: each handler instance (a
 * "container") serves one invocation at a time, a new one is constructed when all are busy, and
 * it is built with the function's environment through its {@code (Map<String, String> env)}
 * constructor, since this JVM's own environment cannot be changed.
 */
public final class LocalFunction {
    private final FunctionSpec spec;
    private final Map<String, String> environment;
    private final Constructor<?> constructor;
    private final Method handlerMethod;
    private final EventSerialization serialization;
    private final Deque<Object> idle = new ArrayDeque<>();
    private final String problem;

    public LocalFunction(FunctionSpec spec, Map<String, String> environment, ClassLoader loader) {
        this.spec = spec;
        this.environment = Map.copyOf(environment);
        this.serialization = new EventSerialization(loader);
        Constructor<?> ctor = null;
        Method method = null;
        String problem = null;
        try {
            Class<?> type = Class.forName(spec.handlerClass(), false, loader);
            ctor = type.getConstructor(Map.class);
            method = handlerMethod(type, spec.handlerMethod());
        } catch (ClassNotFoundException e) {
            problem = "handler class " + spec.handlerClass() + " (template.yaml) is not on the class path";
        } catch (NoSuchMethodException e) {
            problem = spec.handlerClass() + " needs a public constructor taking Map<String, String> env to run locally";
        } catch (IllegalStateException e) {
            problem = e.getMessage();
        }
        this.constructor = ctor;
        this.handlerMethod = method;
        this.problem = problem;
    }

    /**
     * Why this function cannot run (its handler class is missing or lacks what the runner
     * needs); empty when it can. A function that cannot run fails each invocation with this reason.
     */
    public java.util.Optional<String> problem() {
        return java.util.Optional.ofNullable(problem);
    }

    /** The handler method Lambda would call: the named public method whose last parameter is a Context, not a bridge. */
    static Method handlerMethod(Class<?> type, String name) {
        Method found = null;
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(name) || m.isBridge() || m.getParameterCount() == 0 || m.getParameterCount() > 2) {
                continue;
            }
            if (m.getParameterCount() == 2 && !Context.class.isAssignableFrom(m.getParameterTypes()[1])) {
                continue;
            }
            if (found == null || m.getParameterTypes()[0] != Object.class) {
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalStateException(type.getName() + " has no public handler method " + name
                    + "(Event, Context)");
        }
        return found;
    }

    public String name() {
        return spec.logicalId();
    }

    public FunctionSpec spec() {
        return spec;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The event type the handler takes, e.g. S3Event. */
    public Class<?> eventType() {
        return handlerMethod == null ? Object.class : handlerMethod.getParameterTypes()[0];
    }

    /** Runs the handler once with {@code eventJson}; never throws for a handler failure, it is in the result. */
    public Invocation invoke(String eventJson, String trigger) {
        long start = System.nanoTime();
        long coldStartMs = 0;
        CapturingLogger logger = new CapturingLogger();
        if (problem != null) {
            return new Invocation(name(), trigger, 0, 0, null, new IllegalStateException(problem), logger.lines());
        }
        Object handler = null;
        try {
            handler = takeIdle();
            if (handler == null) {
                long initStart = System.nanoTime();
                handler = newInstance();
                coldStartMs = (System.nanoTime() - initStart) / 1_000_000;
            }
            Object event = serialization.fromJson(eventJson, eventType());
            Context context = new LocalContext(spec.logicalId(), spec.memoryMb(), spec.timeoutSeconds(), logger);
            Object result = handlerMethod.getParameterCount() == 2
                    ? handlerMethod.invoke(handler, event, context)
                    : handlerMethod.invoke(handler, event);
            long durationMs = millisSince(start);
            if (durationMs > spec.timeoutSeconds() * 1000L) {
                // Lambda would have stopped it: report it as the timeout it would have been.
                return new Invocation(name(), trigger, durationMs, coldStartMs, null, new IllegalStateException(
                        String.format(java.util.Locale.ROOT, "Task timed out after %d.00 seconds", spec.timeoutSeconds())),
                        logger.lines());
            }
            return new Invocation(name(), trigger, durationMs, coldStartMs, serialization.toJson(result),
                    null, logger.lines());
        } catch (InvocationTargetException e) {
            return new Invocation(name(), trigger, millisSince(start), coldStartMs, null, e.getCause(), logger.lines());
        } catch (Exception | LinkageError e) {
            return new Invocation(name(), trigger, millisSince(start), coldStartMs, null, e, logger.lines());
        } finally {
            if (handler != null) {
                giveBack(handler);
            }
        }
    }

    private Object newInstance() throws Exception {
        try {
            return constructor.newInstance(environment);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private synchronized Object takeIdle() {
        return idle.pollFirst();
    }

    private synchronized void giveBack(Object handler) {
        idle.addFirst(handler);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
