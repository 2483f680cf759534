package io.masthead.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The oEmbed 1.0 response for a share page ({@code share/{slug}.oembed.json}), type {@code link}:
 * what Slack, Discord and embed services show when they prefer oEmbed over the page's tags.
 * The thumbnail fields come all together or not at all, as the specification requires.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OEmbed(
        String version,
        String type,
        String title,
        @JsonProperty("author_name") String authorName,
        @JsonProperty("author_url") String authorUrl,
        @JsonProperty("provider_name") String providerName,
        @JsonProperty("provider_url") String providerUrl,
        @JsonProperty("cache_age") Integer cacheAge,
        @JsonProperty("thumbnail_url") String thumbnailUrl,
        @JsonProperty("thumbnail_width") Integer thumbnailWidth,
        @JsonProperty("thumbnail_height") Integer thumbnailHeight) {

    /** Seconds a consumer may keep the response; matches the share page's short cache. */
    static final int CACHE_AGE = 3600;

    static OEmbed of(ShareContent c) {
        ImageVariant image = c.image() != null && c.image().readable() ? c.image() : null;
        String authorUrl = c.authors().isEmpty() || c.authors().get(0).url().isEmpty()
                ? null : c.authors().get(0).url();
        return new OEmbed("1.0", "link", c.title(),
                c.byline().isEmpty() ? null : c.byline(), c.byline().isEmpty() ? null : authorUrl,
                c.siteName(), c.siteUrl(), CACHE_AGE,
                image == null ? null : image.url(),
                image == null ? null : image.width(),
                image == null ? null : image.height());
    }
}
