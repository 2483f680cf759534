package io.masthead.page;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masthead.article.Author;

/**
 * The schema.org {@code NewsArticle} that search engines read from the page's JSON-LD. Images
 * are the photo crops in Google's three ratios (16x9, 4x3, 1x1), or the share card when the
 * article has no crops.
 */
final class NewsArticleLd {
    private NewsArticleLd() {
    }

    static ObjectNode of(ShareContent c) {
        ObjectNode ld = ScriptSafeJson.mapper().createObjectNode();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", c.title());
        if (!c.description().isEmpty()) ld.put("description", c.description());
        ArrayNode images = ld.putArray("image");
        for (ImageVariant image : c.articleImages()) {
            ObjectNode node = images.addObject();
            node.put("@type", "ImageObject");
            node.put("url", image.url());
            if (image.readable()) {
                node.put("width", image.width());
                node.put("height", image.height());
            }
        }
        if (images.isEmpty()) ld.remove("image");
        if (!c.published().isEmpty()) ld.put("datePublished", c.published());
        if (!c.modified().isEmpty()) ld.put("dateModified", c.modified());
        if (!c.authors().isEmpty()) {
            ArrayNode authors = ld.putArray("author");
            for (Author author : c.authors()) {
                ObjectNode person = authors.addObject();
                person.put("@type", "Person");
                person.put("name", author.name());
                if (!author.url().isEmpty()) person.put("url", author.url());
            }
        }
        ObjectNode publisher = ld.putObject("publisher");
        publisher.put("@type", "Organization");
        publisher.put("name", c.siteName());
        publisher.put("url", c.siteUrl());
        if (!c.logoUrl().isEmpty()) {
            ObjectNode logo = publisher.putObject("logo");
            logo.put("@type", "ImageObject");
            logo.put("url", c.logoUrl());
        }
        ObjectNode page = ld.putObject("mainEntityOfPage");
        page.put("@type", "WebPage");
        page.put("@id", c.canonicalUrl());
        ld.put("url", c.canonicalUrl());
        ld.put("inLanguage", c.language().tag());
        if (!c.section().isEmpty()) ld.put("articleSection", c.section());
        if (!c.tags().isEmpty()) ld.put("keywords", String.join(", ", c.tags()));
        return ld;
    }
}
