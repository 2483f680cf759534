package io.masthead.article;

import java.util.List;

/**
 * A photo an article points at but that only the bucket can confirm: the parser cannot see the
 * bucket, so it hands over where to look, and {@link ParsedArticle#resolvePhoto} picks the object.
 *
 * @param candidates keys to try, best first (e.g. a ninjs picture's renditions, largest first)
 * @param prefix     when no candidate exists: an object named {@code prefix + extension} is the photo
 *                   (a plain-text page's {@code photos/{slug}.}), or empty
 * @param caption    caption found in the document, may be empty
 * @param alt        alternative text, may be empty (then the caption)
 * @param credit     credit found in the document, may be empty
 */
public record PhotoLead(List<Candidate> candidates, String prefix, String caption, String alt, String credit) {
    /** Image types a card can be made from, in the order a tie between {@code {slug}.*} objects is broken. */
    public static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "jpeg", "png", "webp", "gif");

    public PhotoLead {
        candidates = List.copyOf(candidates);
        prefix = prefix == null ? "" : prefix;
        caption = caption == null ? "" : caption;
        alt = alt == null ? "" : alt;
        credit = credit == null ? "" : credit;
    }

    /** One key to try, with the point of interest the document gives for that rendition, or null. */
    public record Candidate(String key, Focus focus) {
    }

    Photo photo(String key, Focus focus) {
        return new Photo(key, caption, alt, credit, focus);
    }
}
