package io.masthead.local.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.masthead.local.TestHandlers;
import io.masthead.local.lambda.Activity;
import io.masthead.local.lambda.InvocationLog;
import io.masthead.local.lambda.LocalFunction;
import io.masthead.local.template.FunctionSpec;
import io.masthead.local.template.SqsTrigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lambda's SQS event source mapping, locally: batching, partial batch responses, redrive to the DLQ. */
class EventSourceMappingTest {
    private static final Duration REDELIVERY = Duration.ofMillis(200);

    private final String run = UUID.randomUUID().toString();
    private final Activity activity = new Activity();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final InvocationLog log = new InvocationLog(new PrintStream(printed, true, StandardCharsets.UTF_8), false);
    private final List<AutoCloseable> closing = new ArrayList<>();
    private LocalQueue deadLetters;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private LocalQueue start(int batchSize, int windowSeconds, boolean reportFailures, int maxReceiveCount,
                             Map<String, String> handlerEnv) {
        deadLetters = new LocalQueue("Dead", 0, null, REDELIVERY, null, log::note);
        LocalQueue queue = new LocalQueue("Items", maxReceiveCount, deadLetters, REDELIVERY, activity, log::note);
        Map<String, String> env = new HashMap<>(handlerEnv);
        env.put("RUN", run);
        SqsTrigger trigger = new SqsTrigger("Changes", "Items", batchSize, windowSeconds, reportFailures);
        FunctionSpec spec = new FunctionSpec("Feed", TestHandlers.Batches.class.getName() + "::handleRequest",
                512, 60, 1, env, List.of(), List.of(trigger), List.of());
        LocalFunction function = new LocalFunction(spec, env, getClass().getClassLoader());
        closing.add(new EventSourceMapping(function, trigger, queue, log, REDELIVERY, 1, activity).start());
        return queue;
    }

    private List<SQSEvent> batches() {
        return TestHandlers.received(run).stream().map(SQSEvent.class::cast).toList();
    }

    private List<String> bodiesOf(SQSEvent batch) {
        return batch.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList();
    }

    private void settle() throws InterruptedException {
        assertTrue(activity.awaitIdle(Duration.ofSeconds(20)), "queue settles; log:\n" + printed);
    }

    @Test
    void batchesUpToTheBatchSize() throws Exception {
        LocalQueue queue = start(5, 1, true, 3, Map.of());
        for (int i = 0; i < 7; i++) {
            queue.send("m" + i);
        }
        settle();
        List<Integer> sizes = batches().stream().map(b -> b.getRecords().size()).toList();
        assertEquals(List.of(5, 2), sizes);
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), bodiesOf(batches().get(0)));
    }

    @Test
    void theBatchingWindowGathersMessagesThatTrickleIn() throws Exception {
        LocalQueue queue = start(10, 1, true, 3, Map.of());
        queue.send("first");
        Thread.sleep(150);
        queue.send("second");
        Thread.sleep(150);
        queue.send("third");
        settle();
        assertEquals(1, batches().size(), "one batch: " + printed);
        assertEquals(List.of("first", "second", "third"), bodiesOf(batches().get(0)));
    }

    @Test
    void recordsLookAsLambdaSendsThem() throws Exception {
        LocalQueue queue = start(10, 0, true, 3, Map.of());
        queue.send("{\"Records\":[]}");
        settle();
        SQSEvent.SQSMessage m = batches().get(0).getRecords().get(0);
        assertEquals("aws:sqs", m.getEventSource());
        assertEquals("arn:aws:sqs:us-east-1:000000000000:Items", m.getEventSourceArn());
        assertEquals("us-east-1", m.getAwsRegion());
        assertEquals("1", m.getAttributes().get("ApproximateReceiveCount"));
        assertTrue(Long.parseLong(m.getAttributes().get("SentTimestamp")) > 0);
        assertEquals(md5("{\"Records\":[]}"), m.getMd5OfBody());
    }

    @Test
    void onlyTheFailedItemsAreRedelivered() throws Exception {
        LocalQueue queue = start(3, 1, true, 3, Map.of("FAIL_ONCE", "b"));
        queue.send("a");
        queue.send("b");
        queue.send("c");
        settle();
        List<SQSEvent> batches = batches();
        assertEquals(2, batches.size(), printed.toString());
        assertEquals(List.of("a", "b", "c"), bodiesOf(batches.get(0)));
        assertEquals(List.of("b"), bodiesOf(batches.get(1)));
        assertEquals("2", batches.get(1).getRecords().get(0).getAttributes().get("ApproximateReceiveCount"));
        assertEquals(batches.get(0).getRecords().get(1).getMessageId(), batches.get(1).getRecords().get(0).getMessageId());
        assertTrue(deadLetters.messages().isEmpty());
    }

    @Test
    void aMessageThatKeepsFailingMovesToTheDeadLetterQueueAfterMaxReceiveCount() throws Exception {
        LocalQueue queue = start(2, 1, true, 3, Map.of("FAIL_ALWAYS", "poison"));
        queue.send("good");
        queue.send("poison");
        settle();
        long poisonDeliveries = batches().stream().flatMap(b -> bodiesOf(b).stream()).filter("poison"::equals).count();
        long goodDeliveries = batches().stream().flatMap(b -> bodiesOf(b).stream()).filter("good"::equals).count();
        assertEquals(3, poisonDeliveries);
        assertEquals(1, goodDeliveries);
        assertEquals(List.of("poison"), deadLetters.messages().stream().map(QueueMessage::body).toList());
        assertTrue(printed.toString().contains("moved to Dead after 3 receives"), printed.toString());
    }

    @Test
    void anInvocationThatThrowsFailsTheWholeBatch() throws Exception {
        LocalQueue queue = start(2, 1, true, 3, Map.of("THROW_ONCE", "boom"));
        queue.send("a");
        queue.send("boom");
        settle();
        List<SQSEvent> batches = batches();
        assertEquals(2, batches.size(), printed.toString());
        assertEquals(List.of("a", "boom"), bodiesOf(batches.get(1)));
        assertTrue(printed.toString().contains("FAILED IllegalStateException: thrown for boom"), printed.toString());
    }

    @Test
    void anUnknownItemIdentifierFailsTheWholeBatch() throws Exception {
        LocalQueue queue = start(2, 1, true, 3, Map.of("BOGUS_ID", "yes"));
        queue.send("a");
        queue.send("b");
        settle();
        assertEquals(2, batches().size(), printed.toString());
        assertEquals(List.of("a", "b"), bodiesOf(batches().get(1)));
    }

    @Test
    void withoutReportBatchItemFailuresTheResponseIsIgnored() throws Exception {
        LocalQueue queue = start(2, 1, false, 3, Map.of("FAIL_ALWAYS", "b"));
        queue.send("a");
        queue.send("b");
        settle();
        assertEquals(1, batches().size(), printed.toString());
        assertTrue(deadLetters.messages().isEmpty());
    }

    private static String md5(String s) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
