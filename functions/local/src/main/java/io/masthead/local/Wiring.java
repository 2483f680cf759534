package io.masthead.local;

import java.util.List;

/** What the local runner wired, in the template's own terms; printed by {@code serve} and checked by tests. */
public record Wiring(List<S3Route> s3Routes, List<QueueRoute> queueRoutes, List<QueuePoller> queuePollers) {

    /** A function's S3 event: the bucket invokes the function asynchronously. */
    public record S3Route(String function, List<String> events, String prefix, String suffix) {
    }

    /** A bucket notification to a queue. */
    public record QueueRoute(String queue, List<String> events, String prefix, String suffix) {
    }

    /** An SQS event source mapping. */
    public record QueuePoller(String queue, String function, int batchSize, int batchingWindowSeconds,
                              boolean reportBatchItemFailures, int maxReceiveCount, String deadLetterQueue) {
    }

    public List<String> describe() {
        List<String> lines = new java.util.ArrayList<>();
        for (S3Route r : s3Routes) {
            lines.add(String.join(",", r.events()) + " " + r.prefix() + "*" + r.suffix() + " -> " + r.function());
        }
        for (QueueRoute r : queueRoutes) {
            lines.add(String.join(",", r.events()) + " " + r.prefix() + "*" + r.suffix() + " -> queue " + r.queue());
        }
        for (QueuePoller p : queuePollers) {
            lines.add("queue " + p.queue() + " -> " + p.function() + " (batches of up to " + p.batchSize()
                    + ", window " + p.batchingWindowSeconds() + " s"
                    + (p.reportBatchItemFailures() ? ", partial batch failures" : "")
                    + (p.deadLetterQueue() != null ? ", dead letters to " + p.deadLetterQueue() + " after "
                    + p.maxReceiveCount() + " receives" : "") + ")");
        }
        return lines;
    }
}
