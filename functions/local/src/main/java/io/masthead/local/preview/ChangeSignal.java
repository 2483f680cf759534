package io.masthead.local.preview;

import java.time.Duration;

/** A version that goes up when what the preview shows changes; waiters wake on the change. */
final class ChangeSignal {
    private long version;
    private boolean closed;

    synchronized void changed() {
        version++;
        notifyAll();
    }

    synchronized long version() {
        return version;
    }

    /** The version once it differs from {@code seen}, or after {@code timeout}, whichever comes first. */
    synchronized long awaitChange(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (version == seen && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return version;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean closed() {
        return closed;
    }
}
