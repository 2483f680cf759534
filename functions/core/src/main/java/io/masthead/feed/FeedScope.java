package io.masthead.feed;

import io.masthead.article.Slugs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One set of feeds: the whole site ({@code feeds/}) or one section
 * ({@code feeds/sections/{section-slug}/}). Every file of a scope lives under its prefix.
 *
 * @param sectionSlug empty for the site
 * @param sectionName the section as articles name it, empty for the site
 */
public record FeedScope(String sectionSlug, String sectionName) {
    public static final FeedScope SITE = new FeedScope("", "");

    public static final String RSS = "rss.xml";
    public static final String ATOM = "atom.xml";
    public static final String JSON_FEED = "feed.json";
    public static final String NEWS_SITEMAP = "news-sitemap.xml";
    public static final String STATE = "state.json";

    public FeedScope {
        sectionSlug = sectionSlug == null ? "" : sectionSlug;
        sectionName = sectionName == null ? "" : sectionName;
    }

    /** The scope of a section by its name, or null for an item without a section. */
    public static FeedScope ofSection(String sectionName) {
        if (sectionName == null || sectionName.isBlank()) return null;
        return new FeedScope(sectionSlug(sectionName), sectionName.strip());
    }

    /**
     * The URL path segment of a section: its slug, or for a name with no Latin letters or digits
     * (e.g. Arabic) a stable hash, so every section gets its own feeds.
     */
    public static String sectionSlug(String sectionName) {
        String slug = Slugs.slugify(sectionName.strip());
        if (!slug.isEmpty()) return slug;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sectionName.strip().getBytes(StandardCharsets.UTF_8));
            return "section-" + HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isSite() {
        return sectionSlug.isEmpty();
    }

    /** Whether an item belongs in this scope's feeds. */
    public boolean includes(FeedItem item) {
        return isSite() || (item.section() != null && !item.section().isBlank()
                && sectionSlug.equals(sectionSlug(item.section())));
    }

    public String prefix() {
        return isSite() ? "feeds/" : "feeds/sections/" + sectionSlug + "/";
    }

    public String key(String file) {
        return prefix() + file;
    }

    /** The window's state document: what the feeds are rendered from. */
    public String stateKey() {
        return key(STATE);
    }
}
