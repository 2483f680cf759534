package io.masthead.event;

import io.masthead.article.Article;
import io.masthead.article.ArticleParser;
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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming: before the snapshot, parse each input format and render a photo card, a
 * share page and an item record for a built-in article, so fonts, image codecs, Jackson and the
 * JIT are warm in the restored snapshot. It touches no network: no connection or credential is captured.
 */
final class Priming implements Resource {
    private static final Article SAMPLE = new Article("priming", "Masthead primes its card engine before the snapshot",
            "https://example.com/priming", "A built-in article rendered once before the SnapStart snapshot.", "World",
            List.of(new Author("Masthead", "")), OffsetDateTime.parse("2024-01-01T00:00:00Z"),
            OffsetDateTime.parse("2024-01-01T00:00:00Z"), "en", List.of("priming"), "<p>Priming.</p>", null, Status.PUBLISHED);

    /** One small document per input format, so each reader's classes are loaded before the snapshot. */
    private static final Map<String, String> DOCUMENTS = Map.of(
            "articles/priming.json", "{\"headline\":\"Priming\",\"bodyHtml\":\"<p>Body.</p>\"}",
            "articles/priming.md", "---\ntitle: Priming\ndate: 2024-01-01T00:00:00Z\ntags: [a]\n---\n# Body\n\nText *here*.\n",
            "articles/priming.txt", "World\n1 hour ago\n\nPriming the text reader\n\nPublished :\n\nA paragraph of the body.\n\nShare this news\n",
            "articles/priming-ninjs.json", "{\"uri\":\"urn:priming\",\"type\":\"text\",\"version\":\"1\",\"headlines\":[{\"value\":\"Priming\"}],"
                    + "\"bodies\":[{\"contentType\":\"text/html\",\"value\":\"<p>Body.</p>\"}]}");

    private final ArticleParser parser;
    private final CardRenderer cards;
    private final SharePageRenderer pages;
    private final FeedItemMapper items;

    private Priming(ArticleParser parser, CardRenderer cards, SharePageRenderer pages, FeedItemMapper items) {
        this.parser = parser;
        this.cards = cards;
        this.pages = pages;
        this.items = items;
    }

    /** Registers the priming hook; CRaC holds resources weakly, so the handler keeps the returned reference. */
    static Priming register(ArticleParser parser, CardRenderer cards, SharePageRenderer pages, FeedItemMapper items) {
        Priming priming = new Priming(parser, cards, pages, items);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** One full render, as before a snapshot; also usable to warm a JVM for benchmarks. */
    void prime() {
        DOCUMENTS.forEach((key, text) -> parser.parseWithReport(key, text.getBytes(StandardCharsets.UTF_8), SAMPLE.published()));
        CardSet set = cards.render(SAMPLE, photo());
        pages.render(SAMPLE, set);
        ItemCodec.read(ItemCodec.write(items.map(SAMPLE, set, "")));
    }

    /** A small JPEG made here, so the photo path (decode, crop, fill) is warm too, not only the text card's. */
    private static byte[] photo() {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) image.setRGB(x, y, (x * 255 / 160) << 16 | (y * 255 / 120) << 8 | 0x40);
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the priming photo", e);
        }
        return jpeg.toByteArray();
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
