package io.masthead.local.sqs;

import io.masthead.local.lambda.EventJson;

import java.time.Instant;

/** A message in a {@link LocalQueue}; mutable only under the queue's lock. */
public final class QueueMessage {
    private final String id;
    private final String body;
    private final Instant sent;
    private Instant firstReceived;
    private int receiveCount;
    private long visibleAtNanos;

    QueueMessage(String id, String body, Instant sent) {
        this.id = id;
        this.body = body;
        this.sent = sent;
        this.visibleAtNanos = System.nanoTime();
    }

    public String id() {
        return id;
    }

    public String body() {
        return body;
    }

    public int receiveCount() {
        return receiveCount;
    }

    void received() {
        receiveCount++;
        if (firstReceived == null) {
            firstReceived = Instant.now();
        }
    }

    long visibleAtNanos() {
        return visibleAtNanos;
    }

    void hideUntil(long nanos) {
        visibleAtNanos = nanos;
    }

    EventJson.SqsMessage asEventRecord() {
        return new EventJson.SqsMessage(id, body, receiveCount, sent, firstReceived == null ? sent : firstReceived);
    }
}
