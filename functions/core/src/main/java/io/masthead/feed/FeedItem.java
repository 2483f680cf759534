package io.masthead.feed;

import io.masthead.article.Author;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The normalized feed item, stored as {@code items/{slug}.json}: the feeds' source of truth.
 * Everything a feed format needs is here, with absolute URLs, so the feed function never reads
 * the article or the cards.
 *
 * @param id           stable id that never changes for the article ({@code urn:uuid:...})
 * @param slug         the article's slug
 * @param url          the article's absolute URL
 * @param shareUrl     absolute URL of the share page
 * @param title        the headline
 * @param summary      plain text
 * @param contentHtml  the body, absolute URLs only
 * @param section      e.g. {@code World}, may be empty
 * @param tags         may be empty
 * @param authors      may be empty
 * @param language     BCP 47
 * @param published    publication time
 * @param updated      last update
 * @param image        the {@code og} card, or null
 * @param images       every card by preset name
 * @param photoCredit  may be empty
 * @param photoCaption may be empty
 * @param photoAlt     may be empty
 * @param sequencer    the S3 event sequencer of the article upload this item was made from; with
 *                     {@code updated}, orders versions of the same item
 */
public record FeedItem(String id, String slug, String url, String shareUrl, String title, String summary,
                       String contentHtml, String section, List<String> tags, List<Author> authors,
                       String language, OffsetDateTime published, OffsetDateTime updated,
                       FeedImage image, Map<String, FeedImage> images, String photoCredit,
                       String photoCaption, String photoAlt, String sequencer) {
    public FeedItem {
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        images = Map.copyOf(images);
    }
}
