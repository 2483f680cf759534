package io.masthead.local.template;

/**
 * A function's {@code Type: SQS} event: an event source mapping that polls the queue and
 * invokes the function with batches.
 */
public record SqsTrigger(String name, String queue, int batchSize, int maximumBatchingWindowSeconds,
                         boolean reportBatchItemFailures) {
}
