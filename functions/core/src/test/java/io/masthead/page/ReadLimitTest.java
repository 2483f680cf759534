package io.masthead.page;

import io.masthead.article.Article;
import io.masthead.article.Author;
import io.masthead.card.CardSet;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.masthead.page.PageParts.meta;
import static io.masthead.page.PageParts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slack reads the first 32 KB of a page: every tag must be inside it, whatever the article holds. */
class ReadLimitTest {
    private static final CardSet CARDS = Fixtures.allCards();
    private static final List<String> TAGS_TO_THEME_COLOR = List.of(
            "description", "og:type", "og:site_name", "og:url", "og:title", "og:description", "og:locale",
            "og:image", "og:image:secure_url", "og:image:type", "og:image:width", "og:image:height", "og:image:alt",
            "article:published_time", "article:modified_time", "article:section", "article:author",
            "twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt",
            "twitter:site", "twitter:label1", "twitter:data1", "twitter:label2", "twitter:data2", "theme-color");

    /** What a crawler that stops at 32 KB sees. */
    private static Document first32k(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return parse(new String(Arrays.copyOf(bytes, Math.min(bytes.length, ShareHead.READ_LIMIT)), StandardCharsets.UTF_8));
    }

    @Test
    void hugeSummaryAndBodyLeaveEveryTagWithinTheFirst32k() {
        String summary = "Escaped & <quoted> \"text\" \u00e9\u00e8 ".repeat(5000);
        Article a = Fixtures.article("Headline & <more>", summary, "en");
        a = Fixtures.with(a, a.authors(), a.tags(), Fixtures.body(60_000));
        SharePage page = new SharePageRenderer(Fixtures.SITE).render(a, CARDS);
        assertTrue(page.html().getBytes(StandardCharsets.UTF_8).length > 3 * ShareHead.READ_LIMIT, "the page is big");
        Document seen = first32k(page.html());
        Document full = parse(page.html());
        for (String tag : TAGS_TO_THEME_COLOR) {
            assertNotNull(meta(seen, tag), tag + " within 32 KB");
            assertEquals(meta(full, tag), meta(seen, tag), tag + " whole within 32 KB");
        }
        assertEquals(Outcome.PASS, SharePageRendererTest.check(page, "slack", "head-within-32kb").outcome());
    }

    @Test
    void thousandsOfTagsAreTrimmedToKeepTheRestWithinTheFirst32k() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 3000; i++) tags.add("tag-number-" + i + " with <escaped> & \"quoted\" words");
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < 200; i++) authors.add(new Author("Author " + i, "https://news.example.com/authors/" + i + "?a=1&b=2"));
        Article a = Fixtures.with(Fixtures.article(), authors, tags, Fixtures.body(300));
        SharePage page = new SharePageRenderer(Fixtures.SITE).render(a, CARDS);

        Document seen = first32k(page.html());
        for (String tag : TAGS_TO_THEME_COLOR) assertNotNull(meta(seen, tag), tag + " within 32 KB");
        Document full = parse(page.html());
        int kept = PageParts.metas(full, "article:tag").size();
        assertTrue(kept > 0 && kept < tags.size(), "kept " + kept);
        assertEquals(tags.subList(0, kept), PageParts.metas(full, "article:tag"), "the first tags are kept, in order");
        assertEquals(200, PageParts.metas(full, "article:author").size(), "authors go only after every tag");
        LintCheck trimmed = SharePageRendererTest.check(page, "slack", "head-trimmed");
        assertEquals(Outcome.WARN, trimmed.outcome());
        assertTrue(trimmed.detail().startsWith((tags.size() - kept) + " article:tag"), trimmed.detail());
        assertEquals(Outcome.PASS, SharePageRendererTest.check(page, "slack", "head-within-32kb").outcome());
        // Every tag is still in the JSON documents.
        assertEquals(tags.size(), PageParts.json(page.metadataJson()).get("tags").size());
        assertFalse(page.lintFailed());
    }

    @Test
    void whenTagsAreNotEnoughExtraAuthorsGoButTheFirstStays() {
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < 1500; i++) authors.add(new Author("Author " + i, "https://news.example.com/authors/" + i));
        Article a = Fixtures.with(Fixtures.article(), authors, List.of("one", "two"), Fixtures.body(300));
        SharePage page = new SharePageRenderer(Fixtures.SITE).render(a, CARDS);
        Document full = parse(page.html());
        List<String> kept = PageParts.metas(full, "article:author");
        assertTrue(kept.size() > 1 && kept.size() < authors.size(), "kept " + kept.size());
        assertEquals("https://news.example.com/authors/0", kept.get(0));
        assertTrue(PageParts.metas(full, "article:tag").isEmpty(), "tags go first");
        Document seen = first32k(page.html());
        for (String tag : TAGS_TO_THEME_COLOR) assertNotNull(meta(seen, tag), tag + " within 32 KB");
        assertTrue(SharePageRendererTest.check(page, "slack", "head-trimmed").detail()
                .startsWith("2 article:tag and " + (authors.size() - kept.size()) + " article:author"));
    }
}
