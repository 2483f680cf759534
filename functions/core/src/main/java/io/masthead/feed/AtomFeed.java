package io.masthead.feed;

import io.masthead.article.Author;

/**
 * Atom 1.0 (RFC 4287) with RFC 6721 tombstones: a withdrawn or deleted article stays listed as an
 * {@code at:deleted-entry} for the window's lifetime, so aggregators remove their copy.
 */
public final class AtomFeed {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";

    private AtomFeed() {
    }

    static byte[] render(FeedChannel channel) {
        XmlOut x = new XmlOut();
        x.start(null, null, "feed").defaultNamespace(ATOM).namespace("at", TOMBSTONES)
                .attr("xml", "http://www.w3.org/XML/1998/namespace", "lang", channel.language());
        String self = channel.selfUrl(FeedScope.ATOM);
        x.element("id", self);
        x.start("title").attr("type", "text").text(channel.title()).end();
        x.start("subtitle").attr("type", "text").text(channel.description()).end();
        x.element("updated", FeedDates.rfc3339(channel.window().lastChange()));
        x.empty(null, null, "link").attr("rel", "self").attr("type", FeedDocument.ATOM_TYPE).attr("href", self);
        x.empty(null, null, "link").attr("rel", "alternate").attr("type", "text/html").attr("href", channel.homeUrl());
        // A feed-level author covers entries without one, as RFC 4287 requires.
        x.start("author");
        x.element("name", FeedText.plain(channel.site().name()));
        x.element("uri", channel.homeUrl());
        x.end();
        if (!channel.site().logoUrl().isEmpty()) x.element("logo", channel.site().logoUrl());
        for (FeedItem item : channel.items()) entry(x, item);
        for (Tombstone t : channel.window().deletedEntries()) {
            x.start("at", TOMBSTONES, "deleted-entry").attr("ref", t.id()).attr("when", FeedDates.rfc3339(t.when()));
            if (t.url() != null && !t.url().isEmpty()) {
                x.empty(null, null, "link").attr("rel", "alternate").attr("type", "text/html").attr("href", t.url());
            }
            x.end();
        }
        x.end();
        return x.finish();
    }

    private static void entry(XmlOut x, FeedItem item) {
        x.start("entry");
        x.element("id", item.id());
        x.start("title").attr("type", "text").text(FeedText.plain(item.title())).end();
        x.empty(null, null, "link").attr("rel", "alternate").attr("type", "text/html").attr("href", item.url());
        x.element("published", FeedDates.rfc3339(item.published()));
        x.element("updated", FeedDates.rfc3339(item.updated()));
        for (Author author : item.authors()) {
            String name = FeedText.plain(author.name());
            if (name.isEmpty()) continue;
            x.start("author");
            x.element("name", name);
            if (isHttp(author.url())) x.element("uri", author.url());
            x.end();
        }
        for (String category : FeedChannel.categories(item)) x.empty(null, null, "category").attr("term", category);
        String summary = FeedText.plain(item.summary());
        if (!summary.isEmpty()) x.start("summary").attr("type", "text").text(summary).end();
        String html = FeedText.html(item.contentHtml(), item.url());
        if (!html.isEmpty()) x.start("content").attr("type", "html").text(html).end();
        FeedImage card = item.image();
        if (card != null) {
            x.empty(null, null, "link").attr("rel", "enclosure").attr("type", card.type()).attr("href", card.url());
            if (card.bytes() > 0) x.attr("length", Long.toString(card.bytes()));
        }
        x.end();
    }

    static boolean isHttp(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
