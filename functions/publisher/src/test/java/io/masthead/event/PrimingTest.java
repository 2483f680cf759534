package io.masthead.event;

import io.masthead.article.ArticleParser;
import io.masthead.card.CardRenderer;
import io.masthead.card.Preset;
import io.masthead.feed.FeedItemMapper;
import io.masthead.page.SharePageRenderer;
import io.masthead.site.Site;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

class PrimingTest {
    @Test
    void primingParsesEveryFormatAndRendersWithoutTheNetwork() {
        Site site = Site.fromEnv(Map.of());
        Priming priming = Priming.register(new ArticleParser(site), CardRenderer.fromEnv(site, Preset.DEFAULTS, Map.of()),
                new SharePageRenderer(site), new FeedItemMapper(site));
        // Every built-in document must parse: a reader change that rejects one would break the snapshot.
        assertDoesNotThrow(priming::prime);
    }
}
