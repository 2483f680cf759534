package io.masthead.reliability;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * S3 notification JSON as S3 sends it (the shape of {@code events/s3-put-article.json}), for any
 * event name, bucket and key, loaded through the Lambda runtime's own event loader. Keys are
 * form-encoded as S3 encodes them: a space becomes {@code +}, a plus {@code %2B}.
 */
final class S3EventJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private S3EventJson() {
    }

    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** One S3 record; {@code encodedKey} goes into the JSON as is. */
    static ObjectNode record(String eventName, String bucket, String encodedKey, String sequencer, Instant time) {
        ObjectNode r = JSON.createObjectNode();
        r.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", "us-east-1")
                .put("eventTime", time.toString()).put("eventName", eventName);
        r.putObject("userIdentity").put("principalId", "EXAMPLE");
        r.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        r.putObject("responseElements").put("x-amz-request-id", "EXAMPLE123456789").put("x-amz-id-2", "EXAMPLE/id");
        ObjectNode s3 = r.putObject("s3");
        s3.put("s3SchemaVersion", "1.0").put("configurationId", "ArticleCreated");
        s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket)
                .putObject("ownerIdentity").put("principalId", "EXAMPLE");
        s3.putObject("object").put("key", encodedKey).put("size", 1).put("eTag", "0123456789abcdef0123456789abcdef")
                .put("sequencer", sequencer);
        return r;
    }

    static S3Event s3(Path dir, ObjectNode... records) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("Records");
        for (ObjectNode r : records) list.add(r);
        return EventLoader.loadS3Event(write(dir, root).toString());
    }

    static S3Event put(Path dir, String bucket, String key, String sequencer, Instant time) {
        return s3(dir, record("ObjectCreated:Put", bucket, encodeKey(key), sequencer, time));
    }

    /** An SQS event whose messages carry the given bodies, as the items queue delivers them. */
    static SQSEvent sqs(Path dir, java.util.List<String> messageIds, java.util.List<String> bodies) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("Records");
        for (int i = 0; i < bodies.size(); i++) {
            ObjectNode m = list.addObject();
            m.put("messageId", messageIds.get(i)).put("receiptHandle", "handle-" + i).put("body", bodies.get(i));
            m.putObject("attributes").put("ApproximateReceiveCount", "1").put("SentTimestamp", "1704464407000");
            m.putObject("messageAttributes");
            m.put("eventSource", "aws:sqs").put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:masthead-ItemsQueue")
                    .put("awsRegion", "us-east-1");
        }
        return EventLoader.loadSQSEvent(write(dir, root).toString());
    }

    /** The body S3 puts on the queue for one object change. */
    static String itemNotification(String bucket, String eventName, String key, String sequencer, Instant time) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("Records").add(record(eventName, bucket, encodeKey(key), sequencer, time));
        return root.toString();
    }

    private static Path write(Path dir, ObjectNode root) {
        try {
            Path file = Files.createTempFile(dir, "event", ".json");
            Files.writeString(file, root.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
