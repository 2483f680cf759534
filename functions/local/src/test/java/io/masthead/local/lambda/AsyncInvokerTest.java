package io.masthead.local.lambda;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import io.masthead.endpoint.ObjectChange;
import io.masthead.local.TestHandlers;
import io.masthead.local.template.FunctionSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S3 to Lambda: asynchronous invocation with Lambda's two retries, events as S3 sends them. */
class AsyncInvokerTest {
    private final String run = UUID.randomUUID().toString();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final InvocationLog log = new InvocationLog(new PrintStream(printed, true, StandardCharsets.UTF_8), false);
    private final Activity activity = new Activity();

    private LocalFunction function(int failTimes) {
        return function(failTimes, 0, 60);
    }

    private LocalFunction function(int failTimes, long sleepMs, int timeoutSeconds) {
        Map<String, String> env = Map.of("RUN", run, "FAIL_TIMES", Integer.toString(failTimes),
                "SLEEP_MS", Long.toString(sleepMs));
        FunctionSpec spec = new FunctionSpec("Publish", TestHandlers.Objects.class.getName() + "::handleRequest",
                512, timeoutSeconds, null, env, List.of(), List.of(), List.of());
        return new LocalFunction(spec, env, getClass().getClassLoader());
    }

    private static String event(String key, String eventName) {
        ObjectChange change = new ObjectChange("masthead", key, eventName,
                eventName.startsWith("ObjectCreated") ? 42 : 0, eventName.startsWith("ObjectCreated") ? "abc" : null,
                Instant.parse("2026-01-02T03:04:05.678Z"), "0000000000000000A1");
        return EventJson.s3Notification(change, "ArticleCreated");
    }

    @Test
    void retriesTwiceThenGivesUp() throws Exception {
        try (AsyncInvoker invoker = new AsyncInvoker(2, activity, log, Duration.ofMillis(50))) {
            invoker.invoke(function(5), event("articles/a.json", "ObjectCreated:Put"), "articles/a.json");
            assertTrue(activity.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(3, TestHandlers.received(run).size(), "one attempt and two retries");
            assertEquals(1, invoker.failures().size());
            assertTrue(printed.toString().contains("gave up after 3 attempts"), printed.toString());
        }
    }

    @Test
    void anInvocationLongerThanTheFunctionsTimeoutFailsAsLambdaWouldStopIt() {
        Invocation slow = function(0, 1100, 1).invoke(event("articles/a.json", "ObjectCreated:Put"), "a");
        assertFalse(slow.succeeded());
        assertEquals("Task timed out after 1.00 seconds", slow.error().getMessage());
        Invocation quick = function(0, 0, 1).invoke(event("articles/a.json", "ObjectCreated:Put"), "a");
        assertTrue(quick.succeeded(), String.valueOf(quick.error()));
    }

    @Test
    void aRetryThatSucceedsIsNotAFailure() throws Exception {
        try (AsyncInvoker invoker = new AsyncInvoker(2, activity, log, Duration.ofMillis(50))) {
            invoker.invoke(function(1), event("articles/a.json", "ObjectCreated:Put"), "articles/a.json");
            assertTrue(activity.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(2, TestHandlers.received(run).size());
            assertTrue(invoker.failures().isEmpty());
            assertTrue(printed.toString().contains("ok on attempt 2"), printed.toString());
        }
    }

    @Test
    void theHandlerGetsTheEventAsS3SendsIt() throws Exception {
        try (AsyncInvoker invoker = new AsyncInvoker(1, activity, log, Duration.ofMillis(50))) {
            invoker.invoke(function(0), event("articles/Große Nachricht+1.json", "ObjectCreated:Put"), "a");
            invoker.invoke(function(0), event("articles/gone.json", "ObjectRemoved:Delete"), "b");
            assertTrue(activity.awaitIdle(Duration.ofSeconds(10)));
        }
        List<S3EventNotificationRecord> records = TestHandlers.received(run).stream()
                .map(e -> ((S3Event) e).getRecords().get(0)).toList();
        S3EventNotificationRecord put = records.stream().filter(r -> r.getEventName().equals("ObjectCreated:Put"))
                .findFirst().orElseThrow();
        assertEquals("2.1", put.getEventVersion());
        assertEquals("aws:s3", put.getEventSource());
        assertEquals("us-east-1", put.getAwsRegion());
        assertEquals(Instant.parse("2026-01-02T03:04:05.678Z").toEpochMilli(), put.getEventTime().getMillis());
        assertEquals("masthead", put.getS3().getBucket().getName());
        assertEquals("arn:aws:s3:::masthead", put.getS3().getBucket().getArn());
        assertEquals("ArticleCreated", put.getS3().getConfigurationId());
        assertEquals("articles/Gro%C3%9Fe+Nachricht%2B1.json", put.getS3().getObject().getKey(),
                "URL-encoded with + for a space, as S3 does");
        assertEquals("articles/Große Nachricht+1.json", put.getS3().getObject().getUrlDecodedKey());
        assertEquals(42L, put.getS3().getObject().getSizeAsLong());
        assertEquals("abc", put.getS3().getObject().geteTag());
        assertEquals("0000000000000000A1", put.getS3().getObject().getSequencer());

        S3EventNotificationRecord delete = records.stream().filter(r -> r.getEventName().equals("ObjectRemoved:Delete"))
                .findFirst().orElseThrow();
        assertEquals("articles/gone.json", delete.getS3().getObject().getKey());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(event("articles/gone.json", "ObjectRemoved:Delete"))
                .path("Records").get(0).path("s3").path("object");
        assertFalse(json.has("eTag") || json.has("size"), "S3 sends neither ETag nor size for a delete: " + json);
        assertEquals("0000000000000000A1", json.path("sequencer").asText());
        assertFalse(printed.toString().isEmpty());
    }
}
