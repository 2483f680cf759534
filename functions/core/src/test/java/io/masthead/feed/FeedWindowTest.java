package io.masthead.feed;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.masthead.feed.FeedFixtures.created;
import static io.masthead.feed.FeedFixtures.deleted;
import static io.masthead.feed.FeedFixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedWindowTest {
    private static final java.util.function.Predicate<FeedItem> ALL = i -> true;

    private static List<String> slugs(FeedWindow w) {
        return w.items().stream().map(FeedItem::slug).toList();
    }

    @Test
    void keepsTheNewestItemsByPublishedNewestFirst() {
        List<ItemChange> changes = new ArrayList<>();
        for (int i = 0; i < 20; i++) changes.add(created(item("a" + i, i), "10"));
        FeedWindow w = FeedWindow.empty(5).apply(changes, ALL);
        assertEquals(List.of("a19", "a18", "a17", "a16", "a15"), slugs(w));
        assertEquals(FeedWindow.capacity(5), w.entries().size(), "keeps a reserve beyond the window");
    }

    @Test
    void tiesOnPublishedAreBrokenByIdAndOrderDoesNotDependOnInput() {
        List<ItemChange> changes = new ArrayList<>();
        for (int i = 0; i < 12; i++) changes.add(created(item("same" + i, 7), "10"));
        FeedWindow first = FeedWindow.empty(5).apply(changes, ALL);
        List<String> ids = first.items().stream().map(FeedItem::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "same published time: ascending id");
        for (int seed = 0; seed < 10; seed++) {
            List<ItemChange> shuffled = new ArrayList<>(changes);
            Collections.shuffle(shuffled, new Random(seed));
            FeedWindow w = FeedWindow.empty(5);
            for (ItemChange c : shuffled) w = w.apply(List.of(c), ALL);
            assertEquals(first, w, "one at a time, shuffled, gives the same window");
        }
    }

    @Test
    void anUpdateReplacesTheItemInPlace() {
        FeedWindow w = FeedWindow.empty(5).apply(List.of(created(item("a", 1), "10"), created(item("b", 2), "11")), ALL);
        FeedItem updated = FeedFixtures.withText(item("a", 1, 30, "World", "B"), "New headline", "s", "<p>x</p>");
        w = w.apply(List.of(created(updated, "20")), ALL);
        assertEquals(List.of("b", "a"), slugs(w), "published unchanged: position unchanged, no duplicate");
        assertEquals("New headline", w.items().get(1).title());
        assertEquals(updated.updated(), w.items().get(1).updated());
    }

    @Test
    void aDuplicateChangesNothing() {
        ItemChange c = created(item("a", 1), "10");
        FeedWindow once = FeedWindow.empty(5).apply(List.of(c), ALL);
        assertEquals(once, once.apply(List.of(c), ALL));
        assertEquals(once, once.apply(List.of(c, c, c), ALL));
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() {
        FeedItem v1 = item("a", 1, 1, "World", "A1");
        FeedItem v2 = FeedFixtures.withText(item("a", 1, 5, "World", "A2"), "v2", "s", "<p>v2</p>");
        FeedWindow w = FeedWindow.empty(5).apply(List.of(created(v2, "30")), ALL);
        assertEquals(w, w.apply(List.of(created(v1, "40")), ALL), "earlier updated loses even with a later event");

        // Same updated time: the article upload's sequencer decides.
        FeedItem sameTimeOlder = FeedFixtures.withText(item("b", 1, 5, "World", "0A"), "older", "s", "");
        FeedItem sameTimeNewer = FeedFixtures.withText(item("b", 1, 5, "World", "0B"), "newer", "s", "");
        FeedWindow x = FeedWindow.empty(5).apply(List.of(created(sameTimeNewer, "1"), created(sameTimeOlder, "2")), ALL);
        assertEquals("newer", x.entry("b").orElseThrow().item().title());
        x = FeedWindow.empty(5).apply(List.of(created(sameTimeOlder, "1")), ALL).apply(List.of(created(sameTimeNewer, "1")), ALL);
        assertEquals("newer", x.entry("b").orElseThrow().item().title());
    }

    @Test
    void aDeleteRemovesAndTombstonesAndALateCreateOfTheDeletedVersionDoesNotResurrect() {
        FeedItem a = item("a", 1);
        FeedWindow w = FeedWindow.empty(5).apply(List.of(created(a, "0010"), created(item("b", 2), "0011")), ALL);
        w = w.apply(List.of(deleted("a", "0020", 40)), ALL);
        assertEquals(List.of("b"), slugs(w));
        assertEquals(1, w.deletedEntries().size());
        Tombstone t = w.deletedEntries().get(0);
        assertEquals(a.id(), t.id());
        assertEquals(FeedFixtures.T0.plusMinutes(40), t.when());

        assertEquals(w, w.apply(List.of(created(a, "0010")), ALL), "late create of the deleted version");
        assertEquals(w, w.apply(List.of(created(a, "0020")), ALL), "same event as the delete: absence wins");

        FeedWindow republished = w.apply(List.of(created(item("a", 1, 50, "World", "A9"), "0030")), ALL);
        assertEquals(List.of("b", "a"), slugs(republished), "a later upload republishes");
        assertTrue(republished.deletedEntries().isEmpty());
    }

    @Test
    void deleteBeforeCreateInTheSameOrLaterBatchStaysDeleted() {
        FeedWindow w = FeedWindow.empty(5).apply(List.of(deleted("a", "20", 3), created(item("a", 1), "10")), ALL);
        assertTrue(w.items().isEmpty());
        w = FeedWindow.empty(5).apply(List.of(deleted("a", "20", 3)), ALL).apply(List.of(created(item("a", 1), "10")), ALL);
        assertTrue(w.items().isEmpty());
        assertTrue(w.deletedEntries().isEmpty(), "never shown, so nothing for Atom to retract");
    }

    @Test
    void aDeletionIsBackfilledFromTheReserve() {
        List<ItemChange> changes = new ArrayList<>();
        for (int i = 0; i < 8; i++) changes.add(created(item("a" + i, i), "10"));
        FeedWindow w = FeedWindow.empty(5).apply(changes, ALL);
        assertEquals(List.of("a7", "a6", "a5", "a4", "a3"), slugs(w));
        w = w.apply(List.of(deleted("a5", "20", 99)), ALL);
        assertEquals(List.of("a7", "a6", "a4", "a3", "a2"), slugs(w));
    }

    @Test
    void anItemMovingToAnotherSectionLeavesThisOneWithoutAnAtomTombstone() {
        java.util.function.Predicate<FeedItem> world = i -> "World".equals(i.section());
        FeedWindow w = FeedWindow.empty(5).apply(List.of(created(item("a", 1), "10")), world);
        FeedItem moved = item("a", 1, 9, "Sport", "B");
        w = w.apply(List.of(created(moved, "20")), world);
        assertTrue(w.items().isEmpty());
        assertTrue(w.deletedEntries().isEmpty());
        assertFalse(w.tombstone("a").orElseThrow().deleted());
        assertEquals(w, w.apply(List.of(created(item("a", 1), "10")), world), "the old version cannot come back");
    }

    @Test
    void tombstonesAreBoundedAndExpireWithTheWindow() {
        FeedWindow w = FeedWindow.empty(5);
        int cap = FeedWindow.capacity(5);
        List<ItemChange> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) all.add(created(item("x" + i, i), "10"));
        w = w.apply(all, ALL);
        List<ItemChange> deletes = new ArrayList<>();
        for (int i = 39; i >= 30; i--) deletes.add(deleted("x" + i, "20", 100 + i));
        w = w.apply(deletes, ALL);
        assertEquals(10, w.deletedEntries().size(), "deleted while in view: shown");
        List<ItemChange> newer = new ArrayList<>();
        for (int i = 0; i < cap; i++) newer.add(created(item("n" + i, 1000 + i), "10"));
        w = w.apply(newer, ALL);
        assertTrue(w.deletedEntries().isEmpty(), "the window moved past them: " + w.deletedEntries());
        assertTrue(w.tombstones().size() <= cap);
    }

    @Test
    void sequencersCompareAsHexNumbers() {
        assertTrue(Sequencers.compare("0065A1B2C3D4E5F611", "0065A1B2C3D4E5F610") > 0);
        assertTrue(Sequencers.compare("0065A1B2C3D4E5F6100", "0065A1B2C3D4E5F611") > 0, "longer is later");
        assertTrue(Sequencers.compare("0a", "09") > 0);
        assertEquals(0, Sequencers.compare("00ab", "AB"));
        assertTrue(Sequencers.compare("", "01") < 0);
    }

    @Test
    void aChangedFeedWindowSettingAppliesToTheStoredState() {
        List<ItemChange> changes = new ArrayList<>();
        for (int i = 0; i < 12; i++) changes.add(created(item("a" + i, i), "10"));
        FeedState stored = FeedState.empty(5).withWindow(FeedWindow.empty(5).apply(changes, ALL));
        FeedWindow smaller = FeedState.fromJson(stored.toJson(), 3).window();
        assertEquals(List.of("a11", "a10", "a9"), slugs(smaller));
        FeedWindow larger = FeedState.fromJson(stored.toJson(), 8).window();
        assertEquals(List.of("a11", "a10", "a9", "a8", "a7", "a6", "a5", "a4"), slugs(larger), "the reserve fills a larger window");
    }

    @Test
    void stateRoundTripsThroughJson() {
        FeedWindow w = FeedWindow.empty(5).apply(List.of(created(item("a", 1), "10"), created(item("b", 2), "11")), ALL)
                .apply(List.of(deleted("a", "12", 9)), ALL);
        FeedState state = FeedState.empty(5).withWindow(w)
                .withSections(java.util.Map.of("world", SectionIndex.of("World", w)));
        FeedState back = FeedState.fromJson(state.toJson(), 5);
        assertEquals(state, back);
        assertEquals(new String(state.toJson()), new String(back.toJson()), "same bytes after a round trip");
    }
}
