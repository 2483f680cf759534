package io.masthead.publish;

import java.util.List;
import java.util.Set;

/**
 * What one batch did to the feeds.
 *
 * @param failedMessages  messages that could not be applied (returned to the queue to retry)
 * @param items           distinct items the batch was about
 * @param scopes          the feed scopes it touched (state keys)
 * @param statesWritten   state documents written (0 when nothing changed)
 * @param filesWritten    feed files written
 * @param conflicts       conditional writes that lost a race and were retried
 */
public record FeedBatchResult(Set<String> failedMessages, int items, List<String> scopes, int statesWritten,
                              int filesWritten, int conflicts) {
    public FeedBatchResult {
        failedMessages = Set.copyOf(failedMessages);
        scopes = List.copyOf(scopes);
    }
}
