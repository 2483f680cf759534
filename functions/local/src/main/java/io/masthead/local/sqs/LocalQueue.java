package io.masthead.local.sqs;

import io.masthead.local.lambda.Activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * An SQS queue in memory, with the semantics the feed function relies on: messages received in
 * a batch stay invisible until deleted or released; a released message reappears after the
 * redelivery delay (the visibility timeout, shortened locally); a message released after its
 * {@code maxReceiveCount}-th receive moves to the dead-letter queue, as a redrive policy does.
 */
public final class LocalQueue {
    private final String name;
    private final int maxReceiveCount;
    private final LocalQueue deadLetterQueue;
    private final Duration redeliveryDelay;
    private final Activity activity;
    private final Consumer<String> notes;
    private final List<QueueMessage> waiting = new ArrayList<>();
    private final Map<String, QueueMessage> inFlight = new LinkedHashMap<>();
    private boolean closed;

    /**
     * @param activity counts this queue's undelivered messages; null for a dead-letter queue,
     *                 whose messages wait for a person, not for the runner
     */
    public LocalQueue(String name, int maxReceiveCount, LocalQueue deadLetterQueue, Duration redeliveryDelay,
                      Activity activity, Consumer<String> notes) {
        this.name = name;
        this.maxReceiveCount = maxReceiveCount;
        this.deadLetterQueue = deadLetterQueue;
        this.redeliveryDelay = redeliveryDelay;
        this.activity = activity;
        this.notes = notes;
    }

    public String name() {
        return name;
    }

    public void send(String body) {
        enqueue(new QueueMessage(UUID.randomUUID().toString(), body, Instant.now()));
    }

    private synchronized void enqueue(QueueMessage message) {
        if (activity != null) {
            activity.begin();
        }
        message.hideUntil(System.nanoTime());
        waiting.add(message);
        notifyAll();
    }

    /**
     * Waits for a batch as Lambda's poller does: until one message is visible, then until
     * {@code batchSize} are or the batching window has passed. Returns an empty list when closed
     * or when {@code running} turns false.
     */
    public synchronized List<QueueMessage> receive(int batchSize, Duration batchingWindow, BooleanSupplier running)
            throws InterruptedException {
        while (!closed && running.getAsBoolean() && visibleCount() == 0) {
            waitUntilNextVisible();
        }
        long windowEnd = System.nanoTime() + batchingWindow.toNanos();
        while (!closed && running.getAsBoolean() && visibleCount() < batchSize) {
            long left = windowEnd - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, Math.min(left, nanosUntilNextVisible()) / 1_000_000));
        }
        List<QueueMessage> batch = new ArrayList<>();
        if (closed || !running.getAsBoolean()) {
            return batch;
        }
        long now = System.nanoTime();
        for (Iterator<QueueMessage> it = waiting.iterator(); it.hasNext() && batch.size() < batchSize; ) {
            QueueMessage m = it.next();
            if (m.visibleAtNanos() <= now) {
                it.remove();
                m.received();
                inFlight.put(m.id(), m);
                batch.add(m);
            }
        }
        return batch;
    }

    /** The consumer is done with the message. */
    public synchronized void delete(QueueMessage message) {
        if (inFlight.remove(message.id()) != null && activity != null) {
            activity.end();
        }
    }

    /**
     * The consumer failed the message: it becomes visible again after the redelivery delay, or
     * moves to the dead-letter queue once it has been received {@code maxReceiveCount} times.
     *
     * @return true if it was dead-lettered
     */
    public boolean release(QueueMessage message) {
        synchronized (this) {
            if (!inFlight.containsKey(message.id())) {
                return false;
            }
            boolean dead = deadLetterQueue != null && maxReceiveCount > 0 && message.receiveCount() >= maxReceiveCount;
            if (!dead) {
                inFlight.remove(message.id());
                message.hideUntil(System.nanoTime() + redeliveryDelay.toNanos());
                waiting.add(message);
                notifyAll();
                return false;
            }
        }
        deadLetterQueue.deadLetter(message);
        notes.accept(name + ": message " + message.id() + " moved to " + deadLetterQueue.name() + " after "
                + message.receiveCount() + " receives");
        // Only now is the message's work over: whoever waits for the queue to settle sees the note too.
        delete(message);
        return true;
    }

    private synchronized void deadLetter(QueueMessage message) {
        message.hideUntil(System.nanoTime());
        waiting.add(message);
        notifyAll();
    }

    /** Messages waiting (visible or not), for reports. */
    public synchronized List<QueueMessage> messages() {
        return List.copyOf(waiting);
    }

    public synchronized int inFlightCount() {
        return inFlight.size();
    }

    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    private int visibleCount() {
        long now = System.nanoTime();
        int n = 0;
        for (QueueMessage m : waiting) {
            if (m.visibleAtNanos() <= now) {
                n++;
            }
        }
        return n;
    }

    /** Time until the next hidden message becomes visible; Long.MAX_VALUE if none is hidden. */
    private long nanosUntilNextVisible() {
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (QueueMessage m : waiting) {
            if (m.visibleAtNanos() > now) {
                next = Math.min(next, m.visibleAtNanos() - now);
            }
        }
        return next;
    }

    private void waitUntilNextVisible() throws InterruptedException {
        long next = nanosUntilNextVisible();
        if (next == Long.MAX_VALUE) {
            wait(1000);
        } else {
            wait(Math.max(1, next / 1_000_000));
        }
    }
}
