package io.masthead.local.tooling;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("../../events");
    private static final String KEY = "articles/Été 2024+more.json";

    @Test
    void s3PutHasTheShapeOfSamsEventWithTheKeyEncodedAsS3EncodesIt() throws Exception {
        JsonNode event = run("s3-put", "--bucket", "news", "--key", KEY);
        assertEquals(shape(JSON.readTree(EVENTS.resolve("s3-put-article.json").toFile())), shape(event));
        JsonNode record = event.path("Records").get(0);
        assertEquals("ObjectCreated:Put", record.path("eventName").asText());
        assertEquals("news", record.path("s3").path("bucket").path("name").asText());
        assertEquals("arn:aws:s3:::news", record.path("s3").path("bucket").path("arn").asText());
        assertEquals("articles/%C3%89t%C3%A9+2024%2Bmore.json", record.path("s3").path("object").path("key").asText());
        // The Lambda runtime's own deserializer reads it, and decoding gives the key back.
        S3Event s3 = LambdaEventSerializers.serializerFor(S3Event.class, getClass().getClassLoader())
                .fromJson(event.toString());
        assertEquals(KEY, s3.getRecords().get(0).getS3().getObject().getUrlDecodedKey());
    }

    @Test
    void s3DeleteCarriesNoSizeOrETag() throws Exception {
        JsonNode event = run("s3-delete", "--bucket", "news", "--key", "articles/a.json");
        JsonNode object = event.path("Records").get(0).path("s3").path("object");
        assertEquals("ObjectRemoved:Delete", event.path("Records").get(0).path("eventName").asText());
        assertEquals("articles/a.json", object.path("key").asText());
        assertFalse(object.has("size"));
        assertFalse(object.has("eTag"));
        assertTrue(object.has("sequencer"));
    }

    @Test
    void sqsWrapsAnS3NotificationForTheKey() throws Exception {
        JsonNode event = run("sqs", "--bucket", "news", "--key", "items/a b.json", "--queue", "masthead-ItemsQueue");
        JsonNode sample = JSON.readTree(EVENTS.resolve("sqs-item-changed.json").toFile());
        assertEquals(shape(sample), shape(event));
        JsonNode record = event.path("Records").get(0);
        String body = record.path("body").asText();
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8))),
                record.path("md5OfBody").asText());
        assertEquals("arn:aws:sqs:us-east-1:123456789012:masthead-ItemsQueue", record.path("eventSourceARN").asText());
        assertEquals(shape(JSON.readTree(sample.path("Records").get(0).path("body").asText())), shape(JSON.readTree(body)));
        SQSEvent sqs = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader())
                .fromJson(event.toString());
        S3Event inner = LambdaEventSerializers.serializerFor(S3Event.class, getClass().getClassLoader())
                .fromJson(sqs.getRecords().get(0).getBody());
        assertEquals("items/a b.json", inner.getRecords().get(0).getS3().getObject().getUrlDecodedKey());
    }

    @Test
    void refusesAnUnknownEventOrAMissingKey() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EventCommand command = new EventCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
        assertEquals(2, command.run(List.of("kinesis", "--key", "a")));
        assertEquals(2, command.run(List.of("s3-put")));
        assertTrue(err.toString().contains("--key is required"), err.toString());
    }

    private static JsonNode run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new EventCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(List.of(args));
        assertEquals(0, code);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    /** Every field path in the document, so two events can be compared by shape rather than value. */
    private static TreeSet<String> shape(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, TreeSet<String> paths) {
        paths.add(path + ":" + node.getNodeType());
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                collect(node.get(name), path + "/" + name, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                collect(child, path + "[]", paths);
            }
        }
    }
}
