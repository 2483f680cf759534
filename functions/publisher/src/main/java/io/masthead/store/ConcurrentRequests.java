package io.masthead.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Independent bucket requests made at once, so their round trips overlap instead of adding up:
 * on AWS an S3 request takes tens of milliseconds, and a publish makes more than ten. The
 * threads mostly wait on the network. One pool per JVM; daemon threads that end after a minute
 * idle, so none is held across a SnapStart snapshot for long.
 */
public final class ConcurrentRequests {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "s3-request");
        t.setDaemon(true);
        return t;
    });

    private ConcurrentRequests() {
    }

    /** Starts one request; {@link #join} takes its result. */
    public static <T> CompletableFuture<T> start(Supplier<T> request) {
        return CompletableFuture.supplyAsync(request, POOL);
    }

    /**
     * Makes every request at once and returns their results in order. If any fails, the first
     * failure is thrown, but only after every request has finished, so none is still writing
     * when the caller moves on.
     */
    public static <T> List<T> all(List<Supplier<T>> requests) {
        List<CompletableFuture<T>> started = new ArrayList<>();
        for (Supplier<T> r : requests) started.add(start(r));
        RuntimeException first = null;
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> f : started) {
            try {
                results.add(join(f));
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
        return results;
    }

    /** The request's result, or the exception it threw, as it threw it. */
    public static <T> T join(CompletableFuture<T> request) {
        try {
            return request.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
