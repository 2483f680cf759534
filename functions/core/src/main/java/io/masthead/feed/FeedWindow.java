package io.masthead.feed;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The items one feed shows: the newest {@code size} live items by {@code published}, ties broken
 * by id, plus a reserve of older items so deletions can be backfilled without reading the
 * archive, plus tombstones of items that left.
 *
 * <p>{@link #apply} is a pure, idempotent merge: a change older than (or equal to) what the window
 * already knows about that item changes nothing, so duplicated and reordered events give the same
 * window. Tombstones live for the window's lifetime: at most {@link #capacity(int)} of them, and
 * none for an item published before the oldest item a full reserve holds.
 *
 * @param size        how many items the feed shows ({@code FEED_WINDOW})
 * @param entries     live items, newest first, at most {@link #capacity(int)}
 * @param tombstones  items that left, most recent first
 */
public record FeedWindow(int size, List<FeedEntry> entries, List<Tombstone> tombstones) {

    /** Newest first by published; ties by id, then slug, so the order never depends on input order. */
    static final Comparator<FeedEntry> ORDER = Comparator
            .comparing((FeedEntry e) -> e.item().published().toInstant()).reversed()
            .thenComparing(e -> e.item().id())
            .thenComparing(FeedEntry::slug);
    private static final Comparator<Tombstone> TOMBSTONE_ORDER = Comparator
            .comparing((Tombstone t) -> t.when().toInstant()).reversed()
            .thenComparing(Tombstone::slug);

    public FeedWindow {
        if (size < 1) throw new IllegalArgumentException("window size must be at least 1, was " + size);
        entries = normalEntries(entries, size);
        tombstones = normalTombstones(tombstones, entries, size);
    }

    public static FeedWindow empty(int size) {
        return new FeedWindow(size, List.of(), List.of());
    }

    /** Live items kept: the window plus a reserve that refills it after deletions. */
    public static int capacity(int size) {
        return size + Math.max(10, size / 2);
    }

    /** The same window for another {@code FEED_WINDOW}. */
    public FeedWindow resized(int newSize) {
        return newSize == size ? this : new FeedWindow(newSize, entries, tombstones);
    }

    /** What the feed shows, newest first. */
    public List<FeedItem> items() {
        return entries.stream().limit(size).map(FeedEntry::item).toList();
    }

    /** Tombstones Atom shows as {@code at:deleted-entry}. */
    public List<Tombstone> deletedEntries() {
        return tombstones.stream().filter(Tombstone::shownInAtom).toList();
    }

    public Optional<FeedEntry> entry(String slug) {
        return entries.stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    public Optional<Tombstone> tombstone(String slug) {
        return tombstones.stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    /** The newest version of the item this window knows: live, or deleted. Empty when it knows nothing. */
    public Optional<ItemChange> latest(String slug) {
        Optional<FeedEntry> live = entry(slug);
        if (live.isPresent()) return Optional.of(live.get().asChange());
        return tombstone(slug).filter(Tombstone::deleted).map(Tombstone::asChange);
    }

    /** When the feed's content last changed: the newest item update or deletion it shows. */
    public OffsetDateTime lastChange() {
        OffsetDateTime last = FeedDates.EPOCH;
        for (FeedItem item : items()) if (item.updated().isAfter(last)) last = item.updated();
        for (Tombstone t : deletedEntries()) if (t.when().isAfter(last)) last = t.when();
        return last;
    }

    /**
     * Merges changes. {@code belongs} says whether a present item belongs in this feed (a
     * section feed takes only its section); an item that no longer belongs leaves, like a delete.
     */
    public FeedWindow apply(Collection<ItemChange> changes, Predicate<FeedItem> belongs) {
        Map<String, ItemChange> newest = new LinkedHashMap<>();
        for (ItemChange c : changes) newest.merge(c.slug(), c, ItemChange::newer);

        Map<String, FeedEntry> live = new LinkedHashMap<>();
        for (FeedEntry e : entries) live.put(e.slug(), e);
        Map<String, Tombstone> gone = new LinkedHashMap<>();
        for (Tombstone t : tombstones) gone.put(t.slug(), t);

        for (ItemChange c : newest.values()) {
            FeedEntry current = live.get(c.slug());
            Tombstone stone = gone.get(c.slug());
            ItemVersion known = current != null ? current.version() : stone != null ? stone.version() : null;
            if (known != null && !c.version().newerThan(known)) continue;
            if (c.isPresent() && belongs.test(c.item())) {
                gone.remove(c.slug());
                live.put(c.slug(), new FeedEntry(c.item(), c.eventSequencer(), c.eventTime()));
            } else {
                live.remove(c.slug());
                gone.put(c.slug(), tombstoneFor(c, current, stone));
            }
        }
        return new FeedWindow(size, new ArrayList<>(live.values()), new ArrayList<>(gone.values()));
    }

    private static Tombstone tombstoneFor(ItemChange c, FeedEntry current, Tombstone previous) {
        String id = null;
        String url = null;
        OffsetDateTime published = null;
        if (current != null) {
            id = current.item().id();
            url = current.item().url();
            published = current.item().published();
        } else if (previous != null && previous.deleted()) {
            id = previous.id();
            url = previous.url();
            published = previous.published();
        }
        if (published == null && c.isPresent()) published = c.item().published();
        return new Tombstone(c.slug(), id, url, published, c.eventTime(), c.version(), !c.isPresent());
    }

    private static List<FeedEntry> normalEntries(List<FeedEntry> entries, int size) {
        List<FeedEntry> sorted = new ArrayList<>(entries == null ? List.of() : entries);
        sorted.sort(ORDER);
        return List.copyOf(sorted.subList(0, Math.min(sorted.size(), capacity(size))));
    }

    private static List<Tombstone> normalTombstones(List<Tombstone> tombstones, List<FeedEntry> entries, int size) {
        // Once the reserve is full, an item older than its oldest entry could never come back
        // into view, so its tombstone has done its job.
        int capacity = capacity(size);
        OffsetDateTime floor = entries.size() >= capacity ? entries.get(capacity - 1).item().published() : null;
        List<Tombstone> kept = new ArrayList<>();
        for (Tombstone t : tombstones == null ? List.<Tombstone>of() : tombstones) {
            if (floor != null && t.published() != null && t.published().isBefore(floor)) continue;
            kept.add(t);
        }
        kept.sort(TOMBSTONE_ORDER);
        return List.copyOf(kept.subList(0, Math.min(kept.size(), capacity)));
    }
}
