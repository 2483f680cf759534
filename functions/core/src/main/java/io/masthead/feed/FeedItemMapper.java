package io.masthead.feed;

import io.masthead.article.Article;
import io.masthead.card.Card;
import io.masthead.card.CardSet;
import io.masthead.site.Site;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Makes the feed item for a published article and its cards. */
public final class FeedItemMapper {
    private final Site site;

    public FeedItemMapper(Site site) {
        this.site = site;
    }

    /**
     * @param sequencer the S3 event sequencer of the upload the article was read for (may be empty)
     */
    public FeedItem map(Article article, CardSet cards, String sequencer) {
        Map<String, FeedImage> images = new LinkedHashMap<>();
        for (Card card : cards.cards()) {
            images.put(card.preset().name(), new FeedImage(site.publicUrl(card.key(article.slug())),
                    card.width(), card.height(), "image/jpeg", card.bytes()));
        }
        var photo = article.photo();
        return new FeedItem(idOf(article.slug()), article.slug(), article.url(),
                site.publicUrl("share/" + article.slug() + ".html"), article.headline(), article.summary(),
                absoluteHtml(article.bodyHtml(), article.url()), article.section(), article.tags(),
                article.authors(), article.language(), article.published(), article.updated(),
                images.get("og"), images,
                photo == null ? "" : photo.credit(), photo == null ? "" : photo.caption(),
                photo == null ? "" : photo.alt(), sequencer == null ? "" : sequencer);
    }

    /** The item's id: stable for the site and slug, an IRI every feed format accepts. */
    public String idOf(String slug) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((site.url() + "/" + slug).getBytes(StandardCharsets.UTF_8));
    }

    /** The body with every link and image made absolute against the article URL; scripts removed. */
    static String absoluteHtml(String bodyHtml, String baseUrl) {
        if (bodyHtml.isBlank()) return "";
        Document doc = Jsoup.parseBodyFragment(bodyHtml, baseUrl);
        doc.select("script, style, iframe[src^=javascript:]").remove();
        for (Element el : doc.select("[href]")) el.attr("href", el.absUrl("href"));
        for (Element el : doc.select("[src]")) el.attr("src", el.absUrl("src"));
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }
}
