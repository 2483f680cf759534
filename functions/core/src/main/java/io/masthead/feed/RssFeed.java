package io.masthead.feed;

import io.masthead.article.Author;

/**
 * RSS 2.0 with the content, Dublin Core, Media RSS and Atom modules. The channel's
 * {@code lastBuildDate} is the newest change among its items, so unchanged input gives the same
 * bytes; {@code ttl} matches the files' five-minute cache.
 */
public final class RssFeed {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final int TTL_MINUTES = 5;

    private RssFeed() {
    }

    static byte[] render(FeedChannel channel) {
        XmlOut x = new XmlOut();
        x.start("rss").attr("version", "2.0")
                .namespace("atom", ATOM).namespace("content", CONTENT)
                .namespace("dc", DC).namespace("media", MEDIA);
        x.start("channel");
        x.element("title", channel.title());
        x.element("link", channel.homeUrl());
        x.element("description", channel.description());
        x.element("language", channel.language());
        if (!channel.items().isEmpty()) x.element("lastBuildDate", FeedDates.rfc822(channel.window().lastChange()));
        x.element("ttl", Integer.toString(TTL_MINUTES));
        x.empty("atom", ATOM, "link").attr("href", channel.selfUrl(FeedScope.RSS))
                .attr("rel", "self").attr("type", FeedDocument.RSS_TYPE);
        if (!channel.site().logoUrl().isEmpty()) {
            x.start("image");
            x.element("url", channel.site().logoUrl());
            x.element("title", channel.title());
            x.element("link", channel.homeUrl());
            x.end();
        }
        for (FeedItem item : channel.items()) item(x, item);
        x.end();
        x.end();
        return x.finish();
    }

    private static void item(XmlOut x, FeedItem item) {
        x.start("item");
        x.element("title", FeedText.plain(item.title()));
        x.element("link", item.url());
        x.start("guid").attr("isPermaLink", "false").text(item.id()).end();
        x.element("pubDate", FeedDates.rfc822(item.published()));
        x.element("description", FeedText.plain(item.summary()));
        String html = FeedText.html(item.contentHtml(), item.url());
        if (!html.isEmpty()) x.start("content", CONTENT, "encoded").cdata(html).end();
        for (Author author : item.authors()) x.element("dc", DC, "creator", FeedText.plain(author.name()));
        for (String category : FeedChannel.categories(item)) x.element("category", category);
        FeedImage card = item.image();
        if (card != null) {
            x.start("media", MEDIA, "content").attr("url", card.url()).attr("medium", "image")
                    .attr("type", card.type())
                    .attr("width", Integer.toString(card.width())).attr("height", Integer.toString(card.height()));
            if (card.bytes() > 0) x.attr("fileSize", Long.toString(card.bytes()));
            String credit = FeedText.plain(item.photoCredit());
            if (!credit.isEmpty()) x.start("media", MEDIA, "credit").attr("role", "photographer").text(credit).end();
            String description = FeedText.plain(item.photoCaption().isBlank() ? item.photoAlt() : item.photoCaption());
            if (!description.isEmpty()) {
                x.start("media", MEDIA, "description").attr("type", "plain").text(description).end();
            }
            x.end();
            FeedImage thumb = FeedChannel.thumbnail(item);
            x.empty("media", MEDIA, "thumbnail").attr("url", thumb.url())
                    .attr("width", Integer.toString(thumb.width())).attr("height", Integer.toString(thumb.height()));
        }
        x.end();
    }
}
