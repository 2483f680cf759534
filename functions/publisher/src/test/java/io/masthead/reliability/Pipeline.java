package io.masthead.reliability;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.masthead.endpoint.ObjectChange;
import io.masthead.endpoint.TestEndpoint;
import io.masthead.event.FeedHandler;
import io.masthead.event.PublishHandler;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployed flow, run by hand as Lambda would: each article event to the publish function
 * (an invocation that throws is retried later, as Lambda retries it), each item-record change the
 * endpoint reports to the feed function as a queue message (failed messages are redelivered).
 * Item-change sequencers are numbered per key, so two runs that make the same changes deliver the
 * same messages.
 */
final class Pipeline {
    private final TestEndpoint s3;
    private final Path tmp;
    private final PublishHandler publish;
    private final FeedHandler feeds;
    private final LogLines log = new LogLines();
    private final List<String> pendingArticles = new ArrayList<>();
    private final Map<String, String> pendingMessages = new LinkedHashMap<>();
    private int seenChanges;
    private final Map<String, Integer> changesPerKey = new HashMap<>();
    int publishFailures;
    int feedFailures;

    Pipeline(TestEndpoint s3, Path tmp, PublishHandler publish, FeedHandler feeds) {
        this.s3 = s3;
        this.tmp = tmp;
        this.publish = publish;
        this.feeds = feeds;
        this.seenChanges = s3.changes().size();
    }

    /** Article keys whose events are delivered in order, each with sequencer {@code 0A00 + index}. */
    void articles(List<String> keys) {
        pendingArticles.addAll(keys);
    }

    /** Delivers every pending event once; what fails stays pending. */
    void deliver() {
        List<String> articles = new ArrayList<>(pendingArticles);
        pendingArticles.clear();
        for (String key : articles) {
            try {
                publish.handleRequest(S3EventJson.put(tmp, CorpusCase.BUCKET, key, sequencer(key), CorpusCase.TIME), log);
            } catch (RuntimeException e) {
                publishFailures++;
                pendingArticles.add(key);
            }
        }
        collectItemChanges();
        if (pendingMessages.isEmpty()) return;
        List<String> ids = new ArrayList<>(pendingMessages.keySet());
        List<String> bodies = new ArrayList<>(pendingMessages.values());
        try {
            SQSBatchResponse response = feeds.handleRequest(S3EventJson.sqs(tmp, ids, bodies), log);
            var failed = response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
            feedFailures += failed.size();
            pendingMessages.keySet().retainAll(failed);
        } catch (RuntimeException e) {
            feedFailures += ids.size(); // the whole batch comes back
        }
    }

    /** Delivers until nothing is pending, at most {@code rounds} times; true when settled. */
    boolean settle(int rounds) {
        for (int i = 0; i < rounds; i++) {
            deliver();
            collectItemChanges();
            if (pendingArticles.isEmpty() && pendingMessages.isEmpty()) return true;
        }
        return false;
    }

    private void collectItemChanges() {
        List<ObjectChange> changes = s3.changes();
        for (ObjectChange c : changes.subList(seenChanges, changes.size())) {
            if (!c.key().startsWith("items/") || !c.key().endsWith(".json")) continue;
            int n = changesPerKey.merge(c.key(), 1, Integer::sum);
            String id = "msg-" + c.key() + "-" + n;
            pendingMessages.put(id, S3EventJson.itemNotification(CorpusCase.BUCKET, c.eventName(), c.key(),
                    String.format("%016X", n), Instant.parse("2024-03-01T09:00:01Z")));
        }
        seenChanges = changes.size();
    }

    private String sequencer(String key) {
        return String.format("0A%014X", Math.abs(key.hashCode()));
    }
}
