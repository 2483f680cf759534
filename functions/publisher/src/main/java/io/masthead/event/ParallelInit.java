package io.masthead.event;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One part of a handler's init built on a thread of its own while the constructor goes on with
 * the rest, so a cold start keeps two cores busy. {@link #join} hands over the result, or fails
 * with what went wrong; the constructor joins before it returns, so the handler is complete
 * when Lambda calls it ready (and when SnapStart takes its snapshot).
 */
final class ParallelInit<T> {
    private final String what;
    private final FutureTask<T> task;

    private ParallelInit(String what, FutureTask<T> task) {
        this.what = what;
        this.task = task;
    }

    /** Starts building {@code what} (named in a failure) on a daemon thread. */
    static <T> ParallelInit<T> start(String what, Callable<T> build) {
        FutureTask<T> task = new FutureTask<>(build);
        Thread thread = new Thread(task, "init-" + what.replace(' ', '-'));
        thread.setDaemon(true); // a constructor that fails first must not leave the JVM waiting for this thread
        thread.start();
        return new ParallelInit<>(what, task);
    }

    /** The built value; a failure to build it is thrown here, naming what was being built. */
    T join() {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) throw error;
            throw new IllegalStateException("building the " + what + " failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the " + what, e);
        }
    }
}
