package io.masthead.card;

import io.masthead.article.Article;
import io.masthead.article.ArticleException;
import io.masthead.site.Site;

import java.util.List;

/**
 * Renders an article's cards: decodes the photo once, crops it per preset, sets the headline,
 * kicker, credit and site name, and encodes each preset as JPEG. Thread-safe; build one per
 * container (fonts are loaded once).
 */
public final class CardRenderer {
    private final Site site;
    private final List<Preset> presets;

    public CardRenderer(Site site, List<Preset> presets) {
        this.site = site;
        this.presets = List.copyOf(presets);
    }

    /**
     * @param article    the article
     * @param photoBytes the photo's bytes as stored, or null for a text card
     * @throws ArticleException when the photo cannot be used (not an image, too many pixels, truncated)
     */
    public CardSet render(Article article, byte[] photoBytes) {
        throw new UnsupportedOperationException("card engine lands with the card work");
    }
}
