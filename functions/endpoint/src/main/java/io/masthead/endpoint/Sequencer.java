package io.masthead.endpoint;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bucket's event sequencer: strictly increasing, fixed-width upper-case hex like S3's. Seeded
 * from the clock (microseconds) so values keep increasing across restarts over the same data.
 */
final class Sequencer {
    private final AtomicLong last = new AtomicLong();

    String next() {
        long now = System.currentTimeMillis() * 1000L;
        long value = last.updateAndGet(previous -> Math.max(previous + 1, now));
        return String.format("%018X", value);
    }
}
