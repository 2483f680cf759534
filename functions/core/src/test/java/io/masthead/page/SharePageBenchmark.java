package io.masthead.page;

import io.masthead.article.Article;
import io.masthead.card.CardSet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Prints how long a share page takes to render (tags, JSON-LD, oEmbed, metadata, lint with the
 * image headers read from the card bytes) and how big the files are. Not a test: run it with
 * {@code java -cp <test classpath> io.masthead.page.SharePageBenchmark}.
 */
public final class SharePageBenchmark {
    public static void main(String[] args) {
        CardSet cards = Fixtures.allCards();
        SharePageRenderer renderer = new SharePageRenderer(Fixtures.SITE);
        Article typical = Fixtures.article();
        Article heavy = Fixtures.with(Fixtures.article("Headline & <more>", "Summary & more ".repeat(2000), "en"),
                typical.authors(), typical.tags(), Fixtures.body(20_000));
        for (Article article : new Article[]{typical, heavy}) {
            for (int i = 0; i < 300; i++) renderer.render(article, cards); // warm-up
            int runs = 2000;
            long[] nanos = new long[runs];
            SharePage page = null;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                page = renderer.render(article, cards);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("%s: median %.3f ms, p95 %.3f ms; html %d bytes, metadata %d bytes, oembed %d bytes%n",
                    article == typical ? "typical article" : "heavy article (20k-word body, 30 KB summary)",
                    nanos[runs / 2] / 1e6, nanos[runs * 95 / 100] / 1e6,
                    page.html().getBytes(StandardCharsets.UTF_8).length,
                    page.metadataJson().getBytes(StandardCharsets.UTF_8).length,
                    page.oembedJson().getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
