package io.masthead.publish;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One S3 notification about an item record ({@code items/{slug}.json}), as the feed function
 * receives it through the queue.
 *
 * @param messageId the queue message it came in, reported back when it cannot be applied
 * @param slug      from the key
 * @param removed   true for ObjectRemoved, false for ObjectCreated
 * @param sequencer the S3 event sequencer, "" when absent
 * @param eventTime when S3 saw the change
 */
public record ItemEvent(String messageId, String slug, boolean removed, String sequencer, OffsetDateTime eventTime) {
    public static final String PREFIX = "items/";
    private static final Pattern ITEM_KEY = Pattern.compile("items/([^/]+)\\.json");

    public ItemEvent {
        sequencer = sequencer == null ? "" : sequencer;
    }

    /** The slug of an item record key (already URL-decoded), or empty for any other key. */
    public static Optional<String> slugOf(String key) {
        Matcher m = ITEM_KEY.matcher(key);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static String keyOf(String slug) {
        return PREFIX + slug + ".json";
    }
}
