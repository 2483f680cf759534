package io.masthead.feed;

/** One rendered feed file: where it goes, its bytes and its Content-Type. */
public record FeedDocument(String key, byte[] bytes, String contentType) {
    public static final String RSS_TYPE = "application/rss+xml";
    public static final String ATOM_TYPE = "application/atom+xml";
    public static final String JSON_FEED_TYPE = "application/feed+json";
    public static final String SITEMAP_TYPE = "application/xml";
}
