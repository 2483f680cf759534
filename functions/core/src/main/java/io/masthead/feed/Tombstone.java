package io.masthead.feed;

import java.time.OffsetDateTime;

/**
 * Remembers that an item left a feed, so a late event carrying an older version cannot bring
 * it back. A deleted item (record removed or article withdrawn) that was in the feed is shown
 * in Atom as an RFC 6721 {@code at:deleted-entry}; an item that moved to another section is not.
 *
 * @param slug      the item's slug
 * @param id        the item's feed id, or null when the feed never held it
 * @param url       the item's URL, or null
 * @param published when the item was published, or null when unknown (decides the tombstone's lifetime)
 * @param when      when it left: the time of the event that removed it
 * @param version   the version that removed it
 * @param deleted   true for a delete or withdrawal, false for a move to another section
 */
public record Tombstone(String slug, String id, String url, OffsetDateTime published, OffsetDateTime when,
                        ItemVersion version, boolean deleted) {

    /** Whether Atom shows it: a deletion of an entry the feed carried. */
    public boolean shownInAtom() {
        return deleted && id != null && !id.isEmpty();
    }

    public ItemChange asChange() {
        return new ItemChange(slug, null, version.eventSequencer(), when);
    }
}
