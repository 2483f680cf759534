package io.masthead.article;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A validated article, every default applied. Made by {@link ArticleParser}; everything
 * downstream (cards, share page, feed item) reads this and nothing else.
 *
 * @param slug      {@code [a-z0-9][a-z0-9-]{0,119}}, names every output
 * @param headline  1-300 characters, trimmed
 * @param url       absolute http(s) URL of the article on the site
 * @param summary   plain text, may be empty
 * @param section   e.g. {@code World}, may be empty
 * @param authors   may be empty
 * @param published publication time
 * @param updated   last update, not before {@code published}
 * @param language  BCP 47 tag
 * @param tags      may be empty
 * @param bodyHtml  HTML body, may be empty
 * @param photo     the photo, or null for a text card
 * @param status    published or withdrawn
 */
public record Article(String slug, String headline, String url, String summary, String section,
                      List<Author> authors, OffsetDateTime published, OffsetDateTime updated,
                      String language, List<String> tags, String bodyHtml, Photo photo, Status status) {
    public Article {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        summary = summary == null ? "" : summary;
        section = section == null ? "" : section;
        bodyHtml = bodyHtml == null ? "" : bodyHtml;
    }

    public boolean hasPhoto() {
        return photo != null;
    }
}
