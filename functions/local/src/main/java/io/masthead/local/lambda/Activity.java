package io.masthead.local.lambda;

import java.time.Duration;

/**
 * Counts the work not yet done: invocations queued, running or waiting to retry, and queue
 * messages not yet deleted or dead-lettered. Zero means every trigger has settled.
 */
public final class Activity {
    private int pending;

    public synchronized void begin() {
        pending++;
    }

    public synchronized void end() {
        if (pending <= 0) {
            throw new IllegalStateException("more work ended than began");
        }
        pending--;
        if (pending == 0) {
            notifyAll();
        }
    }

    public synchronized int pending() {
        return pending;
    }

    /** Waits until nothing is pending; false if {@code timeout} passed first. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
