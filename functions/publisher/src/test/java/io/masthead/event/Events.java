package io.masthead.event;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * S3 events for any key, made from the sample event in {@code events/} (the shape
 * {@code sam local generate-event} makes) and loaded the way the Lambda runtime loads them.
 */
final class Events {
    static final Path SAMPLE_PUT = Path.of("../../events/s3-put-article.json");
    static final Path SAMPLE_DELETE = Path.of("../../events/s3-delete-article.json");

    private Events() {
    }

    static S3Event put(Path dir, String bucket, String key, String sequencer) {
        return load(SAMPLE_PUT, dir, bucket, key, sequencer);
    }

    static S3Event delete(Path dir, String bucket, String key, String sequencer) {
        return load(SAMPLE_DELETE, dir, bucket, key, sequencer);
    }

    /** S3 encodes keys in events as form data: a space becomes {@code +}, a plus {@code %2B}. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static S3Event load(Path sample, Path dir, String bucket, String key, String sequencer) {
        try {
            String json = Files.readString(sample)
                    .replace("\"name\": \"masthead\"", "\"name\": \"" + bucket + "\"")
                    .replace("arn:aws:s3:::masthead", "arn:aws:s3:::" + bucket)
                    .replace("articles/iraq-coalition-mission.json", encodeKey(key))
                    .replaceFirst("\"sequencer\": \"[0-9A-F]+\"", "\"sequencer\": \"" + sequencer + "\"");
            Path file = Files.createTempFile(dir, "event", ".json");
            Files.writeString(file, json);
            return EventLoader.loadS3Event(file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
