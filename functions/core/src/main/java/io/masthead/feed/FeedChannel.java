package io.masthead.feed;

import io.masthead.site.Site;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every format says about the feed itself: title, description, links, language, and the
 * time of its last change, all derived from the site, the scope and the window (never the clock),
 * so the same window always renders the same bytes.
 */
record FeedChannel(Site site, FeedScope scope, FeedWindow window) {

    String title() {
        String name = FeedText.plain(site.name());
        return scope.isSite() ? name : name + ": " + FeedText.plain(scope.sectionName());
    }

    String description() {
        String name = FeedText.plain(site.name());
        return scope.isSite() ? "The latest from " + name
                : "The latest in " + FeedText.plain(scope.sectionName()) + " from " + name;
    }

    String homeUrl() {
        return site.url() + "/";
    }

    String selfUrl(String file) {
        return site.publicUrl(scope.key(file));
    }

    /** The most common language among the items shown (ties: alphabetical), {@code en} when empty. */
    String language() {
        Map<String, Integer> counts = new TreeMap<>();
        for (FeedItem item : window.items()) {
            String lang = item.language() == null || item.language().isBlank() ? "en" : item.language().strip();
            counts.merge(lang, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse("en");
    }

    List<FeedItem> items() {
        return window.items();
    }

    /** The feed's categories for an item: its section first, then its tags, without repeats. */
    static List<String> categories(FeedItem item) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        if (item.section() != null && !FeedText.plain(item.section()).isEmpty()) out.add(FeedText.plain(item.section()));
        for (String tag : item.tags()) {
            String t = FeedText.plain(tag);
            if (!t.isEmpty()) out.add(t);
        }
        return List.copyOf(out);
    }

    /** The smallest card, for thumbnails; the {@code og} card when there is no other. */
    static FeedImage thumbnail(FeedItem item) {
        return item.images().values().stream()
                .min(Comparator.comparingInt(FeedImage::width).thenComparing(FeedImage::url))
                .orElse(item.image());
    }
}
