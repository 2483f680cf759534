package io.masthead.feed;

import io.masthead.site.Site;

import java.util.List;

/** Renders every feed file of a scope from its window: RSS, Atom, JSON Feed, news sitemap. */
public final class FeedRenderer {
    private final Site site;

    public FeedRenderer(Site site) {
        this.site = site;
    }

    public List<FeedDocument> render(FeedScope scope, FeedWindow window) {
        FeedChannel channel = new FeedChannel(site, scope, window.resized(site.feedWindow()));
        return List.of(
                new FeedDocument(scope.key(FeedScope.RSS), RssFeed.render(channel), FeedDocument.RSS_TYPE),
                new FeedDocument(scope.key(FeedScope.ATOM), AtomFeed.render(channel), FeedDocument.ATOM_TYPE),
                new FeedDocument(scope.key(FeedScope.JSON_FEED), JsonFeed.render(channel), FeedDocument.JSON_FEED_TYPE),
                new FeedDocument(scope.key(FeedScope.NEWS_SITEMAP), NewsSitemap.render(channel), FeedDocument.SITEMAP_TYPE));
    }
}
