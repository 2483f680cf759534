package io.masthead.local.tooling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masthead.local.lambda.EventJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Events in the shape {@code sam local generate-event} prints (s3 put, s3 delete, sqs
 * receive-message), with SAM's placeholder values, for a given bucket and key. Keys are
 * URL-encoded as S3 encodes them in notifications.
 */
public final class SamEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";

    private SamEvents() {
    }

    /** {@code sam local generate-event s3 put --bucket B --key K} */
    public static ObjectNode s3Put(String bucket, String key, String region) {
        return s3Event("ObjectCreated:Put", bucket, key, region, true);
    }

    /** {@code sam local generate-event s3 delete --bucket B --key K} */
    public static ObjectNode s3Delete(String bucket, String key, String region) {
        return s3Event("ObjectRemoved:Delete", bucket, key, region, false);
    }

    /**
     * {@code sam local generate-event sqs receive-message}, its body the S3 put notification for
     * the key, as a bucket notification to a queue delivers it.
     */
    public static ObjectNode sqsReceiveMessage(String bucket, String key, String region, String queue) {
        String body = s3Put(bucket, key, region).toString();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject()
                .put("messageId", "19dd0b57-b21e-4ac1-bd88-01bbb068cb78")
                .put("receiptHandle", "MessageReceiptHandle")
                .put("body", body);
        record.putObject("attributes")
                .put("ApproximateReceiveCount", "1")
                .put("SentTimestamp", "1523232000000")
                .put("SenderId", ACCOUNT)
                .put("ApproximateFirstReceiveTimestamp", "1523232000001");
        record.putObject("messageAttributes");
        record.put("md5OfBody", md5Hex(body))
                .put("eventSource", "aws:sqs")
                .put("eventSourceARN", "arn:aws:sqs:" + region + ":" + ACCOUNT + ":" + queue)
                .put("awsRegion", region);
        return root;
    }

    private static ObjectNode s3Event(String eventName, String bucket, String key, String region, boolean created) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject()
                .put("eventVersion", "2.0")
                .put("eventSource", "aws:s3")
                .put("awsRegion", region)
                .put("eventTime", "1970-01-01T00:00:00.000Z")
                .put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", "EXAMPLE");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements")
                .put("x-amz-request-id", "EXAMPLE123456789")
                .put("x-amz-id-2", "EXAMPLE123/5678abcdefghijklambdaisawesome/mnopqrstuvwxyzABCDEFGH");
        ObjectNode s3 = record.putObject("s3").put("s3SchemaVersion", "1.0").put("configurationId", "testConfigRule");
        ObjectNode b = s3.putObject("bucket").put("name", bucket);
        b.putObject("ownerIdentity").put("principalId", "EXAMPLE");
        b.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object").put("key", EventJson.encodeKey(key));
        if (created) {
            // S3 reports size and ETag for creations only.
            object.put("size", 1024).put("eTag", "0123456789abcdef0123456789abcdef");
        }
        object.put("sequencer", "0A1B2C3D4E5F678901");
        return root;
    }

    /** Two-space indentation, {@code "name": value}, as SAM prints events. */
    public static String print(ObjectNode event) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        try {
            return JSON.writer(printer).writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
