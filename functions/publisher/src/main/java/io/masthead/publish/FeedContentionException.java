package io.masthead.publish;

/** A feed scope's state kept changing under us past the retry bound: the batch is retried later. */
public class FeedContentionException extends RuntimeException {
    public FeedContentionException(String key, int attempts) {
        super("gave up on " + key + " after " + attempts + " conditional writes lost the race");
    }
}
