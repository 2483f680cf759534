package io.masthead.reliability;

import com.amazonaws.services.lambda.runtime.events.S3Event;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One input the publish function must survive: the objects uploaded, the event delivered, and
 * what must come of it.
 *
 * @param name    what the case is, as the report table names it
 * @param key     the article key the event names (decoded)
 * @param uploads objects put in the bucket before the event
 * @param event   builds the event (temp dir, key)
 * @param expect  the outcome
 */
record CorpusCase(String name, String key, Map<String, byte[]> uploads, BiFunction<Path, String, S3Event> event,
                  Expect expect) {

    static final String BUCKET = "masthead";
    static final Instant TIME = Instant.parse("2024-03-01T09:00:00Z");

    /** What the case must produce. */
    sealed interface Expect permits Rejected, Ignored, Published, Skipped {
    }

    /** errors/{slug}.json naming {@code field}, with a problem matching {@code problem} (a regex, found anywhere). */
    record Rejected(String slug, String field, String problem) implements Expect {
    }

    /** Nothing written, one log line saying why the event was ignored. */
    record Ignored(String why) implements Expect {
    }

    /** Published under {@code slug}: the input is odd but valid. */
    record Published(String slug) implements Expect {
    }

    /** The event names an object that is not there: nothing written. */
    record Skipped() implements Expect {
    }

    static Builder named(String name) {
        return new Builder(name);
    }

    static final class Builder {
        private final String name;
        private final Map<String, byte[]> uploads = new LinkedHashMap<>();
        private String key;
        private BiFunction<Path, String, S3Event> event = (dir, k) -> S3EventJson.put(dir, BUCKET, k, "0100", TIME);

        private Builder(String name) {
            this.name = name;
        }

        Builder article(String key, byte[] bytes) {
            this.key = key;
            uploads.put(key, bytes);
            return this;
        }

        Builder article(String key, String json) {
            return article(key, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** The event names this key, which is not uploaded. */
        Builder eventKey(String key) {
            this.key = key;
            return this;
        }

        Builder photo(String key, byte[] bytes) {
            uploads.put(key, bytes);
            return this;
        }

        Builder event(BiFunction<Path, String, S3Event> event) {
            this.event = event;
            return this;
        }

        CorpusCase rejected(String slug, String field, String problem) {
            return new CorpusCase(name, key, uploads, event, new Rejected(slug, field, problem));
        }

        CorpusCase ignored(String why) {
            return new CorpusCase(name, key, uploads, event, new Ignored(why));
        }

        CorpusCase published(String slug) {
            return new CorpusCase(name, key, uploads, event, new Published(slug));
        }

        CorpusCase skipped() {
            return new CorpusCase(name, key, uploads, event, new Skipped());
        }
    }
}
