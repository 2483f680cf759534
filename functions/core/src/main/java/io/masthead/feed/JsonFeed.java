package io.masthead.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masthead.article.Author;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON Feed 1.1. Masthead's own fields (photo credit, caption, section) go in the {@code _masthead}
 * extension object, as the spec asks of publisher extensions.
 */
public final class JsonFeed {
    public static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFeed() {
    }

    static byte[] render(FeedChannel channel) {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("version", VERSION);
        feed.put("title", channel.title());
        feed.put("home_page_url", channel.homeUrl());
        feed.put("feed_url", channel.selfUrl(FeedScope.JSON_FEED));
        feed.put("description", channel.description());
        feed.put("language", channel.language());
        if (!channel.site().logoUrl().isEmpty()) feed.put("icon", channel.site().logoUrl());
        feed.putArray("authors").addObject().put("name", FeedText.plain(channel.site().name())).put("url", channel.homeUrl());
        ArrayNode items = feed.putArray("items");
        for (FeedItem item : channel.items()) items.add(item(item));
        try {
            String text = JSON.writeValueAsString(feed) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode item(FeedItem item) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", item.id());
        o.put("url", item.url());
        o.put("title", FeedText.plain(item.title()));
        String summary = FeedText.plain(item.summary());
        if (!summary.isEmpty()) o.put("summary", summary);
        String html = FeedText.html(item.contentHtml(), item.url());
        // JSON Feed requires content_html or content_text on every item.
        if (!html.isEmpty()) o.put("content_html", html);
        else o.put("content_text", summary.isEmpty() ? FeedText.plain(item.title()) : summary);
        if (item.image() != null) {
            o.put("image", item.image().url());
            FeedImage banner = item.images().getOrDefault("banner", item.image());
            o.put("banner_image", banner.url());
        }
        o.put("date_published", FeedDates.rfc3339(item.published()));
        o.put("date_modified", FeedDates.rfc3339(item.updated()));
        ArrayNode authors = JSON.createArrayNode();
        for (Author a : item.authors()) {
            String name = FeedText.plain(a.name());
            if (name.isEmpty()) continue;
            ObjectNode author = authors.addObject().put("name", name);
            if (AtomFeed.isHttp(a.url())) author.put("url", a.url());
        }
        if (!authors.isEmpty()) o.set("authors", authors);
        ArrayNode tags = JSON.createArrayNode();
        for (String t : item.tags()) {
            String tag = FeedText.plain(t);
            if (!tag.isEmpty()) tags.add(tag);
        }
        if (!tags.isEmpty()) o.set("tags", tags);
        if (item.language() != null && !item.language().isBlank()) o.put("language", item.language().strip());
        ObjectNode ext = o.putObject("_masthead");
        ext.put("section", FeedText.plain(item.section()));
        ext.put("section_slug", item.section() == null || item.section().isBlank() ? "" : FeedScope.sectionSlug(item.section()));
        ext.put("photo_credit", FeedText.plain(item.photoCredit()));
        ext.put("photo_caption", FeedText.plain(item.photoCaption()));
        ext.put("share_url", item.shareUrl());
        return o;
    }
}
