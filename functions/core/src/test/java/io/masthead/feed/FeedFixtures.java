package io.masthead.feed;

import io.masthead.article.Author;
import io.masthead.site.Site;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Items and sites for feed tests. */
final class FeedFixtures {
    static final Site SITE = new Site("The Daily Example", "https://news.example.com",
            "https://cdn.example.com", 5, null, null, null);
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private FeedFixtures() {
    }

    static FeedItem item(String slug, int publishedMinute) {
        return item(slug, publishedMinute, publishedMinute, "World", "A");
    }

    /** An item published {@code publishedMinute} minutes after T0, updated at {@code updatedMinute}. */
    static FeedItem item(String slug, int publishedMinute, int updatedMinute, String section, String articleSequencer) {
        var og = new FeedImage("https://cdn.example.com/cards/" + slug + "/og-abc.jpg", 1200, 630, "image/jpeg", 54321);
        var square = new FeedImage("https://cdn.example.com/cards/" + slug + "/square-abc.jpg", 600, 600, "image/jpeg", 23456);
        return new FeedItem("urn:uuid:" + java.util.UUID.nameUUIDFromBytes(slug.getBytes()), slug,
                "https://news.example.com/" + slug, "https://cdn.example.com/share/" + slug + ".html",
                "Headline of " + slug, "Summary of " + slug, "<p>Body of " + slug + "</p>", section,
                List.of("tag-" + slug), List.of(new Author("Reporter " + slug, "https://news.example.com/staff/r")),
                "en", T0.plusMinutes(publishedMinute), T0.plusMinutes(updatedMinute), og,
                Map.of("og", og, "square", square), "REUTERS/Ahmed Saad", "A caption for " + slug, "Alt text",
                articleSequencer);
    }

    static ItemChange created(FeedItem item, String eventSequencer) {
        return ItemChange.present(item, eventSequencer, item.updated());
    }

    static ItemChange deleted(String slug, String eventSequencer, int minute) {
        return ItemChange.gone(slug, eventSequencer, T0.plusMinutes(minute));
    }

    static FeedItem withText(FeedItem i, String title, String summary, String html) {
        return new FeedItem(i.id(), i.slug(), i.url(), i.shareUrl(), title, summary, html, i.section(), i.tags(),
                i.authors(), i.language(), i.published(), i.updated(), i.image(), i.images(), i.photoCredit(),
                i.photoCaption(), i.photoAlt(), i.sequencer());
    }
}
