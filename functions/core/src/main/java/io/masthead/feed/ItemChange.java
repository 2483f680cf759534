package io.masthead.feed;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What the feed function learned about one item: its record as read from the bucket (null when
 * the record is gone: deleted or withdrawn), the newest {@code items/} event sequencer that led to
 * the read, and that event's time (used as the tombstone's {@code when}).
 */
public record ItemChange(String slug, FeedItem item, String eventSequencer, OffsetDateTime eventTime) {
    public ItemChange {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(eventTime, "eventTime");
        eventSequencer = eventSequencer == null ? "" : eventSequencer;
    }

    public static ItemChange present(FeedItem item, String eventSequencer, OffsetDateTime eventTime) {
        return new ItemChange(item.slug(), item, eventSequencer, eventTime);
    }

    public static ItemChange gone(String slug, String eventSequencer, OffsetDateTime eventTime) {
        return new ItemChange(slug, null, eventSequencer, eventTime);
    }

    public boolean isPresent() {
        return item != null;
    }

    public ItemVersion version() {
        return item == null
                ? new ItemVersion(false, null, "", eventSequencer)
                : new ItemVersion(true, item.updated(), item.sequencer(), eventSequencer);
    }

    /** The newer of two changes to the same item. */
    public ItemChange newer(ItemChange other) {
        if (other == null) return this;
        return other.version().newerThan(version()) ? other : this;
    }
}
