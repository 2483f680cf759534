package io.masthead.feed;

import java.time.OffsetDateTime;

/**
 * Which version of an item a change carries, to decide which of two wins.
 *
 * <p>Two versions of a present item compare by the article's {@code updated} time, then the S3
 * sequencer of the article upload, then the S3 sequencer of the item-record event. A version
 * where the item is gone (deleted or withdrawn) has no article time, so against anything it
 * compares by the item-record event sequencer (same key, so comparable); on a tie the absence
 * wins, because the record was seen gone after that event.
 *
 * @param present          whether the item record existed
 * @param updated          the item's updated time, null when absent
 * @param articleSequencer sequencer of the article upload the item was made from, "" when absent
 * @param eventSequencer   sequencer of the newest {@code items/} event that led to this observation
 */
public record ItemVersion(boolean present, OffsetDateTime updated, String articleSequencer, String eventSequencer) {
    public ItemVersion {
        articleSequencer = articleSequencer == null ? "" : articleSequencer;
        eventSequencer = eventSequencer == null ? "" : eventSequencer;
        if (present && updated == null) throw new IllegalArgumentException("a present version needs its updated time");
    }

    /** Positive when this version is newer than {@code other}. */
    public int compareTo(ItemVersion other) {
        if (present && other.present) {
            int c = updated.toInstant().compareTo(other.updated.toInstant());
            if (c != 0) return c;
            c = Sequencers.compare(articleSequencer, other.articleSequencer);
            if (c != 0) return c;
            return Sequencers.compare(eventSequencer, other.eventSequencer);
        }
        int c = Sequencers.compare(eventSequencer, other.eventSequencer);
        if (c != 0 || present == other.present) return c;
        return present ? -1 : 1;
    }

    public boolean newerThan(ItemVersion other) {
        return compareTo(other) > 0;
    }
}
