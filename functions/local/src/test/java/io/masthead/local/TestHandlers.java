package io.masthead.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tiny handlers for the runner's own tests. Each test run gets an id (env {@code RUN}) under
 * which the handlers record what they received, since the runner, not the test, constructs them.
 */
public final class TestHandlers {
    private static final Map<String, List<Object>> RECEIVED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private TestHandlers() {
    }

    public static List<Object> received(String run) {
        return List.copyOf(RECEIVED.getOrDefault(run, List.of()));
    }

    static void record(String run, Object event) {
        RECEIVED.computeIfAbsent(run, r -> new CopyOnWriteArrayList<>()).add(event);
    }

    static int call(String run) {
        return CALLS.computeIfAbsent(run, r -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * Records each batch. Env {@code FAIL_ALWAYS}: bodies reported as failed on every receive;
     * {@code FAIL_ONCE}: bodies failed on their first receive; {@code THROW_ONCE}: a body that
     * makes the first batch containing it throw; {@code BOGUS_ID}: report an unknown id once.
     */
    public static final class Batches implements RequestHandler<SQSEvent, SQSBatchResponse> {
        private final Map<String, String> env;

        public Batches() {
            this(System.getenv());
        }

        public Batches(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            String run = env.get("RUN");
            record(run, event);
            context.getLogger().log("batch of " + event.getRecords().size());
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            int call = call(run);
            for (SQSEvent.SQSMessage m : event.getRecords()) {
                int receives = Integer.parseInt(m.getAttributes().get("ApproximateReceiveCount"));
                if (m.getBody().equals(env.get("THROW_ONCE")) && receives == 1) {
                    throw new IllegalStateException("thrown for " + m.getBody());
                }
                if (m.getBody().equals(env.get("FAIL_ALWAYS")) || (m.getBody().equals(env.get("FAIL_ONCE")) && receives == 1)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                }
            }
            if (env.containsKey("BOGUS_ID") && call == 1) {
                failures.add(new SQSBatchResponse.BatchItemFailure("not-a-message-of-this-batch"));
            }
            return new SQSBatchResponse(failures);
        }
    }

    /** Records each S3 event; env {@code FAIL_TIMES}: how many of its first calls throw; {@code SLEEP_MS}: time each takes. */
    public static final class Objects implements RequestHandler<S3Event, Void> {
        private final Map<String, String> env;

        public Objects() {
            this(System.getenv());
        }

        public Objects(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Void handleRequest(S3Event event, Context context) {
            String run = env.get("RUN");
            record(run, event);
            int call = call(run);
            try {
                Thread.sleep(Long.parseLong(env.getOrDefault("SLEEP_MS", "0")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (call <= Integer.parseInt(env.getOrDefault("FAIL_TIMES", "0"))) {
                throw new IllegalStateException("failing call " + call);
            }
            return null;
        }
    }
}
