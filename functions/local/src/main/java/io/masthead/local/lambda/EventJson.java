package io.masthead.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masthead.endpoint.ObjectChange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event JSON in the exact shape AWS sends: S3 event notifications (as S3 delivers them to Lambda
 * and to SQS) and SQS event source batches.
 */
public final class EventJson {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private EventJson() {
    }

    /**
     * An S3 event notification with one record, as S3 sends one per change.
     *
     * @param configurationId the notification's id (SAM uses the event's name)
     */
    public static String s3Notification(ObjectChange change, String configurationId) {
        ObjectNode record = JSON.createObjectNode()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", REGION)
                .put("eventTime", EVENT_TIME.format(change.eventTime()))
                .put("eventName", change.eventName());
        record.putObject("userIdentity").put("principalId", "AWS:LOCAL");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        String requestId = HexFormat.of().withUpperCase().formatHex(randomBytes(8));
        record.putObject("responseElements")
                .put("x-amz-request-id", requestId)
                .put("x-amz-id-2", java.util.Base64.getEncoder().encodeToString(randomBytes(48)));
        ObjectNode s3 = record.putObject("s3")
                .put("s3SchemaVersion", "1.0")
                .put("configurationId", configurationId);
        ObjectNode bucket = s3.putObject("bucket").put("name", change.bucket());
        bucket.putObject("ownerIdentity").put("principalId", "LOCAL");
        bucket.put("arn", "arn:aws:s3:::" + change.bucket());
        ObjectNode object = s3.putObject("object").put("key", encodeKey(change.key()));
        if (change.created()) {
            // S3 reports size and ETag for creations only.
            object.put("size", change.size()).put("eTag", change.eTag());
        }
        object.put("sequencer", change.sequencer());
        ObjectNode root = JSON.createObjectNode();
        root.putArray("Records").add(record);
        return root.toString();
    }

    /** One message of an SQS event source batch. */
    public record SqsMessage(String messageId, String body, int receiveCount, Instant sent, Instant firstReceived) {
    }

    /** The event Lambda's SQS poller sends: one record per message. */
    public static String sqsEvent(String queueName, List<SqsMessage> messages) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (SqsMessage m : messages) {
            ObjectNode record = records.addObject()
                    .put("messageId", m.messageId())
                    .put("receiptHandle", m.messageId() + "#" + m.receiveCount())
                    .put("body", m.body());
            record.putObject("attributes")
                    .put("ApproximateReceiveCount", Integer.toString(m.receiveCount()))
                    .put("SentTimestamp", Long.toString(m.sent().toEpochMilli()))
                    .put("SenderId", "AIDAIENQZJOLO23YVJ4VO")
                    .put("ApproximateFirstReceiveTimestamp", Long.toString(m.firstReceived().toEpochMilli()));
            record.putObject("messageAttributes");
            record.put("md5OfBody", md5Hex(m.body()))
                    .put("eventSource", "aws:sqs")
                    .put("eventSourceARN", "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + queueName)
                    .put("awsRegion", REGION);
        }
        return root.toString();
    }

    /**
     * S3 URL-encodes keys in notifications as an HTML form would ({@code +} for a space) and
     * leaves {@code /} as it is.
     */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static String md5Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
