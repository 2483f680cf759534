package io.masthead.event;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.publish.Backoff;
import io.masthead.publish.FeedBatchResult;
import io.masthead.publish.FeedUpdater;
import io.masthead.publish.ItemEvent;
import io.masthead.store.S3Store;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The feed function: a batch of queue messages, each an S3 notification for {@code items/},
 * merged into every feed it affects. Messages that could not be applied are reported back as
 * batch item failures, so the queue retries them and finally moves them to the dead-letter queue.
 */
public final class FeedHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Settings settings;
    private final Backoff backoff;

    public FeedHandler() {
        this(System.getenv());
    }

    public FeedHandler(Map<String, String> env) {
        this(env, Backoff.DEFAULT);
    }

    /** With a chosen retry bound, e.g. a short one to see a batch fail under contention. */
    public FeedHandler(Map<String, String> env, Backoff backoff) {
        this.settings = Settings.fromEnv(env);
        this.backoff = backoff;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        Consumer<String> log = context != null && context.getLogger() != null
                ? line -> context.getLogger().log(line + "\n") : System.out::println;
        long start = System.nanoTime();
        Set<String> failed = new LinkedHashSet<>();
        Map<String, List<ItemEvent>> byBucket = new TreeMap<>();
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        int ignored = 0;
        for (SQSEvent.SQSMessage message : messages) {
            try {
                for (Notification n : notifications(message)) {
                    Optional<String> slug = ItemEvent.slugOf(n.key());
                    if (slug.isEmpty() || !settings.serves(n.bucket()) || !(n.created() || n.removed())) {
                        ignored++;
                        continue;
                    }
                    byBucket.computeIfAbsent(n.bucket(), b -> new ArrayList<>())
                            .add(new ItemEvent(message.getMessageId(), slug.get(), n.removed(), n.sequencer(), n.time()));
                }
            } catch (IOException | RuntimeException e) {
                failed.add(message.getMessageId());
                log.accept(logLine("ERROR", "unreadable message " + message.getMessageId() + ": " + e.getMessage()));
            }
        }
        int items = 0, states = 0, files = 0, conflicts = 0;
        for (var bucket : byBucket.entrySet()) {
            FeedUpdater updater = new FeedUpdater(new S3Store(settings.s3(), bucket.getKey()), settings.site(), backoff,
                    line -> log.accept(logLine("WARN", line)));
            FeedBatchResult result = updater.apply(bucket.getValue());
            failed.addAll(result.failedMessages());
            items += result.items();
            states += result.statesWritten();
            files += result.filesWritten();
            conflicts += result.conflicts();
        }
        log.accept(JSON.createObjectNode().put("level", failed.isEmpty() ? "INFO" : "WARN").put("message", "feeds updated")
                .put("messages", messages.size()).put("ignored", ignored).put("items", items)
                .put("statesWritten", states).put("filesWritten", files).put("conflicts", conflicts)
                .put("failed", failed.size()).put("ms", (System.nanoTime() - start) / 1_000_000).toString());
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (String id : failed) failures.add(new SQSBatchResponse.BatchItemFailure(id));
        return new SQSBatchResponse(failures);
    }

    /** One S3 event record of a message body. */
    record Notification(String eventName, String bucket, String key, String sequencer, OffsetDateTime time) {
        boolean created() {
            return eventName.contains("ObjectCreated:");
        }

        boolean removed() {
            return eventName.contains("ObjectRemoved:");
        }
    }

    /** The S3 records of a message; none for S3's test event. Keys URL-decoded ({@code +} is a space). */
    static List<Notification> notifications(SQSEvent.SQSMessage message) throws IOException {
        JsonNode body = JSON.readTree(message.getBody());
        if (body == null || !body.isObject()) throw new IOException("body is not a JSON object");
        if (body.has("Type") && body.has("Message")) body = JSON.readTree(body.get("Message").asText()); // via SNS
        if ("s3:TestEvent".equals(body.path("Event").asText())) return List.of();
        JsonNode records = body.get("Records");
        if (records == null || !records.isArray()) throw new IOException("no Records array in the body");
        List<Notification> out = new ArrayList<>();
        for (JsonNode r : records) {
            JsonNode s3 = r.path("s3");
            String rawKey = s3.path("object").path("key").asText("");
            if (rawKey.isEmpty()) throw new IOException("an S3 record without an object key");
            String time = r.path("eventTime").asText("");
            out.add(new Notification(r.path("eventName").asText(""), s3.path("bucket").path("name").asText(""),
                    URLDecoder.decode(rawKey, StandardCharsets.UTF_8), s3.path("object").path("sequencer").asText(""),
                    time.isEmpty() ? sentTime(message) : OffsetDateTime.parse(time).withOffsetSameInstant(ZoneOffset.UTC)));
        }
        return out;
    }

    private static OffsetDateTime sentTime(SQSEvent.SQSMessage message) {
        String sent = message.getAttributes() == null ? null : message.getAttributes().get("SentTimestamp");
        long millis = sent == null ? 0 : Long.parseLong(sent);
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    private static String logLine(String level, String message) {
        return JSON.createObjectNode().put("level", level).put("message", message).toString();
    }
}
