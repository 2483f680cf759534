package io.masthead.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.local.lambda.Activity;
import io.masthead.local.lambda.EventJson;
import io.masthead.local.lambda.Invocation;
import io.masthead.local.lambda.InvocationLog;
import io.masthead.local.lambda.LocalFunction;
import io.masthead.local.template.SqsTrigger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lambda's SQS poller for one function: takes batches from the queue per the event's
 * {@code BatchSize} and {@code MaximumBatchingWindowInSeconds}, invokes the function, deletes
 * what succeeded and releases what failed. With {@code ReportBatchItemFailures} only the
 * messages named in {@code batchItemFailures} fail; a response naming an unknown or empty id,
 * or an invocation that throws, fails the whole batch, as Lambda does.
 */
public final class EventSourceMapping implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalFunction function;
    private final SqsTrigger trigger;
    private final LocalQueue queue;
    private final InvocationLog log;
    private final Duration redeliveryDelay;
    private final Activity activity;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running = true;

    /** @param concurrency batches in flight at once (the function's reserved concurrency) */
    public EventSourceMapping(LocalFunction function, SqsTrigger trigger, LocalQueue queue, InvocationLog log,
                              Duration redeliveryDelay, int concurrency, Activity activity) {
        this.activity = activity;
        this.function = function;
        this.trigger = trigger;
        this.queue = queue;
        this.log = log;
        this.redeliveryDelay = redeliveryDelay;
        for (int i = 0; i < Math.max(1, concurrency); i++) {
            Thread poller = new Thread(this::poll, "sqs-" + queue.name() + "-" + function.name() + "-" + (i + 1));
            poller.setDaemon(true);
            pollers.add(poller);
        }
    }

    public EventSourceMapping start() {
        pollers.forEach(Thread::start);
        return this;
    }

    public SqsTrigger trigger() {
        return trigger;
    }

    public LocalQueue queue() {
        return queue;
    }

    public LocalFunction function() {
        return function;
    }

    private void poll() {
        Duration window = Duration.ofSeconds(trigger.maximumBatchingWindowSeconds());
        while (running) {
            List<QueueMessage> batch;
            try {
                batch = queue.receive(trigger.batchSize(), window, () -> running);
            } catch (InterruptedException e) {
                return;
            }
            if (!batch.isEmpty()) {
                // Held until the batch is logged, so whoever waits for quiet sees the whole story.
                activity.begin();
                try {
                    deliver(batch);
                } finally {
                    activity.end();
                }
            }
        }
    }

    private void deliver(List<QueueMessage> batch) {
        String event = EventJson.sqsEvent(queue.name(), batch.stream().map(QueueMessage::asEventRecord).toList());
        Invocation invocation = function.invoke(event, "batch of " + batch.size() + " from " + queue.name());
        Set<String> failed = failedIds(invocation, batch);
        int deadLettered = 0;
        for (QueueMessage message : batch) {
            if (failed.contains(message.id())) {
                if (queue.release(message)) {
                    deadLettered++;
                }
            } else {
                queue.delete(message);
            }
        }
        String outcome;
        if (!invocation.succeeded()) {
            outcome = "FAILED " + InvocationLog.describe(invocation.error());
        } else if (failed.isEmpty()) {
            outcome = "ok";
        } else {
            outcome = failed.size() + " of " + batch.size() + " items failed";
        }
        String note = "";
        if (!failed.isEmpty()) {
            int redelivered = failed.size() - deadLettered;
            note = (redelivered > 0 ? redelivered + " redelivered in " + redeliveryDelay.toMillis() + " ms" : "")
                    + (redelivered > 0 && deadLettered > 0 ? ", " : "")
                    + (deadLettered > 0 ? deadLettered + " to the dead-letter queue" : "");
        }
        log.record(invocation, outcome, note);
    }

    /** Which messages failed, by Lambda's rules for this event source mapping. */
    Set<String> failedIds(Invocation invocation, List<QueueMessage> batch) {
        Set<String> all = new HashSet<>();
        batch.forEach(m -> all.add(m.id()));
        if (!invocation.succeeded()) {
            return all;
        }
        if (!trigger.reportBatchItemFailures() || invocation.result() == null) {
            return Set.of();
        }
        JsonNode failures;
        try {
            failures = JSON.readTree(invocation.result()).path("batchItemFailures");
        } catch (Exception e) {
            return Set.of();
        }
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (id.isEmpty() || !all.contains(id)) {
                // Lambda treats a malformed or unknown identifier as a failure of the whole batch.
                return all;
            }
            failed.add(id);
        }
        return failed;
    }

    @Override
    public void close() {
        running = false;
        queue.close();
        for (Thread poller : pollers) {
            try {
                poller.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
