package io.masthead.local.preview;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What the preview shows of one published article.
 *
 * @param metadata  {@code share/{slug}.json} as published
 * @param tags      the share page's head, parsed from {@code share/{slug}.html}
 * @param published the metadata's {@code published} time, for ordering (ISO-8601 text)
 */
public record PublishedArticle(String slug, JsonNode metadata, List<ShareTag> tags, FeedEntries feeds,
                               String published) {
    public PublishedArticle {
        tags = List.copyOf(tags);
    }

    public String text(String field) {
        return metadata.path(field).asText("");
    }

    /** The first value of a tag with this name or property, e.g. {@code theme-color}; empty when absent. */
    public String tag(String name) {
        return tags.stream().filter(t -> t.name().equals(name)).map(ShareTag::value).findFirst().orElse("");
    }
}
