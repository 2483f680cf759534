package io.masthead.publish;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying a conditional write again: exponential with full jitter, so
 * racing writers spread out instead of colliding again in step.
 *
 * @param attempts how many tries in all
 * @param baseMillis the first wait's upper bound
 * @param capMillis no wait is longer
 */
public record Backoff(int attempts, long baseMillis, long capMillis) {
    public static final Backoff DEFAULT = new Backoff(12, 25, 1_500);

    public void pause(int attempt) {
        long bound = Math.min(capMillis, baseMillis << Math.min(attempt, 20));
        long millis = ThreadLocalRandom.current().nextLong(bound / 4, bound + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
