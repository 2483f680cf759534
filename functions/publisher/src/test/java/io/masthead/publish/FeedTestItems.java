package io.masthead.publish;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masthead.article.Author;
import io.masthead.endpoint.ObjectChange;
import io.masthead.feed.FeedImage;
import io.masthead.feed.FeedItem;
import io.masthead.feed.ItemCodec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Item records and the queue messages S3 would send for them, for feed function tests. */
public final class FeedTestItems {
    public static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    public static final String PUBLIC = "https://cdn.example.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedTestItems() {
    }

    /** An item published {@code minute} minutes after T0, updated {@code updatedMinute} after T0. */
    public static FeedItem item(String slug, String section, int minute, int updatedMinute, String title) {
        var og = new FeedImage(PUBLIC + "/cards/" + slug + "/og-1.jpg", 1200, 630, "image/jpeg", 1000);
        return new FeedItem("urn:uuid:" + UUID.nameUUIDFromBytes(slug.getBytes(StandardCharsets.UTF_8)), slug,
                "https://news.example.com/" + slug, PUBLIC + "/share/" + slug + ".html", title, "Summary of " + slug,
                "<p>Body of " + slug + "</p>", section, List.of("t"), List.of(new Author("Reporter", "")), "en",
                T0.plusMinutes(minute), T0.plusMinutes(updatedMinute), og, Map.of("og", og), "AP/Jane Doe", "A caption",
                "", String.format("%016X", updatedMinute));
    }

    public static FeedItem item(String slug, String section, int minute) {
        return item(slug, section, minute, minute, "Headline " + slug);
    }

    public static String key(String slug) {
        return ItemEvent.keyOf(slug);
    }

    public static void put(S3Client s3, String bucket, FeedItem item) {
        s3.putObject(b -> b.bucket(bucket).key(key(item.slug())).contentType("application/json"),
                RequestBody.fromBytes(ItemCodec.write(item)));
    }

    public static void delete(S3Client s3, String bucket, String slug) {
        s3.deleteObject(b -> b.bucket(bucket).key(key(slug)));
    }

    /** The queue message S3 sends for a change: an event notification JSON body, key URL-encoded. */
    public static SQSEvent.SQSMessage message(String messageId, ObjectChange change) {
        return message(messageId, change.bucket(), change.key(), change.eventName(), change.sequencer(),
                change.eventTime().toString());
    }

    public static SQSEvent.SQSMessage message(String messageId, String bucket, String key, String eventName,
                                              String sequencer, String eventTime) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode r = body.putArray("Records").addObject();
        r.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", "us-east-1")
                .put("eventTime", eventTime).put("eventName", eventName);
        ObjectNode s3 = r.putObject("s3");
        s3.put("s3SchemaVersion", "1.0").put("configurationId", "ItemsQueue");
        s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
        s3.putObject("object").put("key", URLEncoder.encode(key, StandardCharsets.UTF_8)).put("sequencer", sequencer);
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(messageId);
        m.setBody(body.toString());
        m.setEventSource("aws:sqs");
        return m;
    }

    public static SQSEvent event(List<SQSEvent.SQSMessage> messages) {
        SQSEvent e = new SQSEvent();
        e.setRecords(messages);
        return e;
    }
}
