package io.masthead.local.lambda;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asynchronous invocation, as S3 invokes Lambda: queued, run on a small pool, and on failure
 * retried twice (Lambda waits about one and then two minutes; locally {@code retryDelay} and
 * twice that). An event that fails every attempt is logged and kept in {@link #failures()}.
 */
public final class AsyncInvoker implements AutoCloseable {
    static final int ATTEMPTS = 3;

    private final ExecutorService pool;
    private final ScheduledExecutorService retries;
    private final Activity activity;
    private final InvocationLog log;
    private final Duration retryDelay;
    private final List<Invocation> failures = new CopyOnWriteArrayList<>();

    public AsyncInvoker(int threads, Activity activity, InvocationLog log, Duration retryDelay) {
        this.pool = Executors.newFixedThreadPool(threads, daemon("lambda-async"));
        this.retries = Executors.newSingleThreadScheduledExecutor(daemon("lambda-retry"));
        this.activity = activity;
        this.log = log;
        this.retryDelay = retryDelay;
    }

    public void invoke(LocalFunction function, String eventJson, String trigger) {
        activity.begin();
        submit(function, eventJson, trigger, 1);
    }

    /** Events whose every attempt failed. */
    public List<Invocation> failures() {
        return List.copyOf(failures);
    }

    private void submit(LocalFunction function, String eventJson, String trigger, int attempt) {
        try {
            pool.execute(() -> attempt(function, eventJson, trigger, attempt));
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            activity.end();
        }
    }

    private void attempt(LocalFunction function, String eventJson, String trigger, int attempt) {
        Invocation invocation = function.invoke(eventJson, trigger);
        if (invocation.succeeded()) {
            log.record(invocation, attempt == 1 ? "ok" : "ok on attempt " + attempt, "");
            activity.end();
            return;
        }
        String failure = "FAILED " + InvocationLog.describe(invocation.error());
        if (attempt < ATTEMPTS) {
            Duration delay = retryDelay.multipliedBy(attempt);
            log.record(invocation, failure, "attempt " + attempt + " of " + ATTEMPTS + ", retrying in "
                    + delay.toMillis() + " ms");
            try {
                retries.schedule(() -> submit(function, eventJson, trigger, attempt + 1),
                        delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                activity.end();
            }
        } else {
            log.record(invocation, failure, "gave up after " + ATTEMPTS + " attempts");
            failures.add(invocation);
            activity.end();
        }
    }

    /** Stops taking work and waits briefly for running invocations. */
    @Override
    public void close() {
        retries.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
