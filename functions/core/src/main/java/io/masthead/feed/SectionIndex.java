package io.masthead.feed;

import java.util.List;
import java.util.TreeSet;

/**
 * What the site state remembers of a section: its name and the slugs its state holds, so the
 * feed function knows which section an item leaves (on a delete or a move) without reading
 * every section.
 */
public record SectionIndex(String name, List<String> slugs) {
    public SectionIndex {
        slugs = List.copyOf(new TreeSet<>(slugs == null ? List.of() : slugs));
    }

    public static SectionIndex of(String name, FeedWindow window) {
        return new SectionIndex(name, window.entries().stream().map(FeedEntry::slug).toList());
    }
}
