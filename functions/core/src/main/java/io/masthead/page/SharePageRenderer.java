package io.masthead.page;

import io.masthead.article.Article;
import io.masthead.article.ImportReport;
import io.masthead.card.CardSet;
import io.masthead.site.Site;

import java.util.List;
import java.util.Objects;

/**
 * Makes an article's share page ({@code share/{slug}.html}), its metadata
 * ({@code share/{slug}.json}) and oEmbed response ({@code share/{slug}.oembed.json}), and lints
 * the page against each platform's rules. Pure and thread-safe; build one per container.
 */
public final class SharePageRenderer {
    private final Site site;
    private final ShareLinter linter = new ShareLinter(PlatformRules.ALL);

    public SharePageRenderer(Site site) {
        this.site = Objects.requireNonNull(site, "site");
    }

    /**
     * @param article the article
     * @param cards   its rendered cards; presets may be missing (no {@code photo-*} crops for a
     *                text article), null means none
     * @throws io.masthead.article.ArticleException when the headline has no visible characters or
     *                                              the url is not absolute http(s)
     */
    public SharePage render(Article article, CardSet cards) {
        return render(article, cards, null);
    }

    /** As {@link #render(Article, CardSet)}, keeping how the article was imported in {@code share/{slug}.json}. */
    public SharePage render(Article article, CardSet cards, ImportReport imported) {
        Objects.requireNonNull(article, "article");
        ShareContent content = ShareContent.of(site, article, cards);
        String jsonLd = ScriptSafeJson.compact(NewsArticleLd.of(content));
        SharePageHtml.Rendered page = SharePageHtml.render(content, jsonLd);
        LintReport lint = linter.lint(content, page.head());
        String metadata = ScriptSafeJson.pretty(ShareMetadata.of(content, lint, cards == null ? null : cards.report(), imported));
        String oembed = ScriptSafeJson.pretty(OEmbed.of(content));
        return new SharePage(article.slug(), page.html(), metadata, oembed, lint);
    }

    /** The platforms the lint checks, in report order. */
    public static List<String> platforms() {
        return PlatformRules.ALL.stream().map(PlatformRules::platform).toList();
    }
}
