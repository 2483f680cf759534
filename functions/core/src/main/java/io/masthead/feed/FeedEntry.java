package io.masthead.feed;

import java.time.OffsetDateTime;

/** An item live in a feed window, with the event it was last changed by. */
public record FeedEntry(FeedItem item, String eventSequencer, OffsetDateTime eventTime) {
    public FeedEntry {
        eventSequencer = eventSequencer == null ? "" : eventSequencer;
    }

    public String slug() {
        return item.slug();
    }

    public ItemVersion version() {
        return new ItemVersion(true, item.updated(), item.sequencer(), eventSequencer);
    }

    public ItemChange asChange() {
        return new ItemChange(item.slug(), item, eventSequencer, eventTime);
    }
}
