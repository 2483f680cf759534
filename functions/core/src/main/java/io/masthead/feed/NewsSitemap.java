package io.masthead.feed;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A Google News sitemap: the articles published in the 48 hours before the newest one, at most
 * 1,000. The 48 hours are counted back from the newest article, not the clock, so the same window
 * gives the same bytes; the next publication moves the cut-off forward.
 */
public final class NewsSitemap {
    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final Duration RECENT = Duration.ofHours(48);
    static final int MAX_URLS = 1000;

    private NewsSitemap() {
    }

    static byte[] render(FeedChannel channel) {
        List<FeedItem> recent = recent(channel.items());
        XmlOut x = new XmlOut();
        x.start(null, null, "urlset").defaultNamespace(SITEMAP).namespace("news", NEWS);
        for (FeedItem item : recent) {
            x.start("url");
            x.element("loc", item.url());
            x.start("news", NEWS, "news");
            x.start("news", NEWS, "publication");
            x.element("news", NEWS, "name", FeedText.plain(channel.site().name()));
            x.element("news", NEWS, "language", language(item.language()));
            x.end();
            x.element("news", NEWS, "publication_date", FeedDates.rfc3339(item.published()));
            x.element("news", NEWS, "title", FeedText.plain(item.title()));
            x.end();
            x.end();
        }
        x.end();
        return x.finish();
    }

    /** Items published within 48 hours of the newest, newest first, at most 1,000. */
    static List<FeedItem> recent(List<FeedItem> items) {
        OffsetDateTime newest = items.stream().map(FeedItem::published).max(OffsetDateTime::compareTo).orElse(null);
        if (newest == null) return List.of();
        OffsetDateTime cutoff = newest.minus(RECENT);
        return items.stream().filter(i -> !i.published().isBefore(cutoff)).limit(MAX_URLS).toList();
    }

    /**
     * Google News wants an ISO 639 code, except {@code zh-cn} and {@code zh-tw} for Chinese.
     */
    static String language(String bcp47) {
        if (bcp47 == null || bcp47.isBlank()) return "en";
        Locale locale = Locale.forLanguageTag(bcp47.strip());
        String lang = locale.getLanguage();
        if (lang.isEmpty()) return "en";
        if (lang.equals("zh")) {
            String script = locale.getScript();
            String country = locale.getCountry();
            boolean traditional = script.equals("Hant") || country.equals("TW") || country.equals("HK") || country.equals("MO");
            return traditional ? "zh-tw" : "zh-cn";
        }
        return lang;
    }
}
