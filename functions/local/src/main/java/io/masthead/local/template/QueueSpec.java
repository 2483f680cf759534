package io.masthead.local.template;

/**
 * An {@code AWS::SQS::Queue}: its visibility timeout and, from its {@code RedrivePolicy}, the
 * dead-letter queue and how many receives a message gets before it moves there (0 = none).
 */
public record QueueSpec(String logicalId, int visibilityTimeoutSeconds, int maxReceiveCount, String deadLetterQueue) {
    public boolean hasDeadLetterQueue() {
        return deadLetterQueue != null && maxReceiveCount > 0;
    }
}
