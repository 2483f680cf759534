package io.masthead.event;

import io.masthead.article.Article;
import io.masthead.article.Author;
import io.masthead.article.Status;
import io.masthead.card.CardRenderer;
import io.masthead.card.CardSet;
import io.masthead.feed.FeedItemMapper;
import io.masthead.feed.ItemCodec;
import io.masthead.page.SharePageRenderer;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * SnapStart priming: before the snapshot, render a card, a share page and an item record for a
 * built-in article, so fonts, image codecs, Jackson and the JIT are warm in the restored
 * snapshot. It touches no network: no connection or credential is captured.
 */
final class Priming implements Resource {
    private static final Article SAMPLE = new Article("priming", "Masthead primes its card engine before the snapshot",
            "https://example.com/priming", "A built-in article rendered once before the SnapStart snapshot.", "World",
            List.of(new Author("Masthead", "")), OffsetDateTime.parse("2024-01-01T00:00:00Z"),
            OffsetDateTime.parse("2024-01-01T00:00:00Z"), "en", List.of("priming"), "<p>Priming.</p>", null, Status.PUBLISHED);

    private final CardRenderer cards;
    private final SharePageRenderer pages;
    private final FeedItemMapper items;

    private Priming(CardRenderer cards, SharePageRenderer pages, FeedItemMapper items) {
        this.cards = cards;
        this.pages = pages;
        this.items = items;
    }

    /** Registers the priming hook; CRaC holds resources weakly, so the handler keeps the returned reference. */
    static Priming register(CardRenderer cards, SharePageRenderer pages, FeedItemMapper items) {
        Priming priming = new Priming(cards, pages, items);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** One full render, as before a snapshot; also usable to warm a JVM for benchmarks. */
    void prime() {
        CardSet set = cards.render(SAMPLE, null);
        pages.render(SAMPLE, set);
        ItemCodec.read(ItemCodec.write(items.map(SAMPLE, set, "")));
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing cached that a restore invalidates: the S3 client opens connections lazily
    }
}
