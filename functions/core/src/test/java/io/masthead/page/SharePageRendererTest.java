package io.masthead.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.masthead.article.Article;
import io.masthead.article.ArticleException;
import io.masthead.card.Card;
import io.masthead.card.CardSet;
import io.masthead.card.Preset;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static io.masthead.page.PageParts.headEntries;
import static io.masthead.page.PageParts.meta;
import static io.masthead.page.PageParts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharePageRendererTest {
    private static final CardSet CARDS = Fixtures.allCards();
    private final SharePageRenderer renderer = new SharePageRenderer(Fixtures.SITE);

    private static String url(CardSet cards, String preset) {
        Card card = cards.find(preset).orElseThrow();
        return Fixtures.SITE.publicUrl(card.key("storm-harbour"));
    }

    private static BufferedImage decode(CardSet cards, String preset) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(cards.find(preset).orElseThrow().jpeg()));
    }

    @Test
    void headCarriesEveryTagWithItsValueInCrawlerOrder() throws IOException {
        SharePage page = renderer.render(Fixtures.article(), CARDS);
        Document doc = parse(page.html());
        BufferedImage og = decode(CARDS, "og");
        String image = url(CARDS, "og");
        String canonical = "https://news.example.com/world/storm-harbour";
        String summary = "Harbour authorities halted all sailings on Friday as winds reached 110 km/h.";
        String headline = "Storm closes the harbour as ferries wait out the gale";
        String alt = "Three ferries tied up at an empty quay";

        List<String> expected = List.of(
                "charset=utf-8",
                "title=" + headline,
                "link:canonical=" + canonical,
                "description=" + summary,
                "og:type=article",
                "og:site_name=The Daily Example",
                "og:url=" + canonical,
                "og:title=" + headline,
                "og:description=" + summary,
                "og:locale=en_US",
                "og:image=" + image,
                "og:image:secure_url=" + image,
                "og:image:type=image/jpeg",
                "og:image:width=" + og.getWidth(),
                "og:image:height=" + og.getHeight(),
                "og:image:alt=" + alt,
                "article:published_time=2026-03-14T09:30:00+01:00",
                "article:modified_time=2026-03-14T11:05:42+01:00",
                "article:section=World",
                "article:author=https://news.example.com/authors/ana-lima",
                "article:author=Omar Haddad",
                "article:tag=weather",
                "article:tag=shipping",
                "twitter:card=summary_large_image",
                "twitter:title=" + headline,
                "twitter:description=" + summary,
                "twitter:image=" + image,
                "twitter:image:alt=" + alt,
                "twitter:site=@dailyexample",
                "twitter:label1=Written by",
                "twitter:data1=Ana Lima, Omar Haddad",
                "twitter:label2=Reading time",
                "twitter:data2=2 min read",
                "theme-color=#c0392b",
                "link:alternate=https://news.example.com/static/share/storm-harbour.oembed.json");
        List<String> head = headEntries(doc);
        assertEquals(expected, head.subList(0, expected.size()));
        assertEquals(1200, og.getWidth());
        assertEquals(630, og.getHeight());
        assertEquals("application/json+oembed", doc.selectFirst("link[rel=alternate]").attr("type"));
        assertTrue(head.contains("http-equiv:refresh=0; url=" + canonical), head.toString());
    }

    @Test
    void htmlElementCarriesLanguageAndDirection() {
        Document doc = parse(renderer.render(Fixtures.article(), CARDS).html());
        assertEquals("en", doc.selectFirst("html").attr("lang"));
        assertEquals("ltr", doc.selectFirst("html").attr("dir"));
    }

    @Test
    void peopleSeeHeadlineSummaryCardAndLinkOnToTheArticle() {
        Document doc = parse(renderer.render(Fixtures.article(), CARDS).html());
        Element body = doc.body();
        assertEquals("Storm closes the harbour as ferries wait out the gale", body.selectFirst("h1").text());
        assertTrue(body.select("p").eachText().contains(
                "Harbour authorities halted all sailings on Friday as winds reached 110 km/h."));
        Element img = body.selectFirst("img");
        assertEquals(url(CARDS, "og"), img.attr("src"));
        assertEquals("Three ferries tied up at an empty quay", img.attr("alt"));
        assertEquals("1200", img.attr("width"));
        assertEquals("Ferries moored in the harbour (Photo: REUTERS/Ana Lima)", body.selectFirst("figcaption").text());
        Element link = body.selectFirst("a");
        assertEquals("https://news.example.com/world/storm-harbour", link.attr("href"));
        assertEquals("Read the article on The Daily Example", link.text());
    }

    @Test
    void jsonLdIsANewsArticleWithTheThreePhotoCrops() throws IOException {
        JsonNode ld = PageParts.jsonLd(parse(renderer.render(Fixtures.article(), CARDS).html()));
        assertEquals("https://schema.org", ld.get("@context").asText());
        assertEquals("NewsArticle", ld.get("@type").asText());
        assertEquals("Storm closes the harbour as ferries wait out the gale", ld.get("headline").asText());
        assertEquals("Harbour authorities halted all sailings on Friday as winds reached 110 km/h.", ld.get("description").asText());
        JsonNode images = ld.get("image");
        assertEquals(3, images.size());
        String[] crops = {"photo-16x9", "photo-4x3", "photo-1x1"};
        for (int i = 0; i < crops.length; i++) {
            BufferedImage decoded = decode(CARDS, crops[i]);
            assertEquals(url(CARDS, crops[i]), images.get(i).get("url").asText());
            assertEquals(decoded.getWidth(), images.get(i).get("width").asInt());
            assertEquals(decoded.getHeight(), images.get(i).get("height").asInt());
        }
        assertEquals("2026-03-14T09:30:00+01:00", ld.get("datePublished").asText());
        assertEquals("2026-03-14T11:05:42+01:00", ld.get("dateModified").asText());
        assertEquals("Ana Lima", ld.get("author").get(0).get("name").asText());
        assertEquals("https://news.example.com/authors/ana-lima", ld.get("author").get(0).get("url").asText());
        assertEquals("Omar Haddad", ld.get("author").get(1).get("name").asText());
        assertNull(ld.get("author").get(1).get("url"));
        assertEquals("The Daily Example", ld.get("publisher").get("name").asText());
        assertEquals("https://news.example.com/logo.png", ld.get("publisher").get("logo").get("url").asText());
        assertEquals("https://news.example.com/world/storm-harbour", ld.get("mainEntityOfPage").get("@id").asText());
        assertEquals("en", ld.get("inLanguage").asText());
        assertEquals("World", ld.get("articleSection").asText());
        assertEquals("weather, shipping", ld.get("keywords").asText());
    }

    @Test
    void withoutPhotoCropsJsonLdFallsBackToTheShareCard() {
        CardSet textCards = Fixtures.cards(List.of(Preset.OG, Fixtures.preset("square")));
        Article noPhoto = Fixtures.withPhoto(Fixtures.article(), null);
        SharePage page = renderer.render(noPhoto, textCards);
        Document doc = parse(page.html());
        JsonNode images = PageParts.jsonLd(doc).get("image");
        assertEquals(1, images.size());
        assertEquals(url(textCards, "og"), images.get(0).get("url").asText());
        // A text card shows the headline, so that is its alt text.
        assertEquals("Storm closes the harbour as ferries wait out the gale", meta(doc, "og:image:alt"));
        assertNull(doc.selectFirst("figcaption"));
    }

    @Test
    void withoutAnOgCardThePageUsesTheWidestCropAndLintStillRuns() {
        CardSet crops = Fixtures.cards(List.of(Fixtures.preset("photo-1x1"), Fixtures.preset("photo-16x9")));
        SharePage page = renderer.render(Fixtures.article(), crops);
        assertEquals(url(crops, "photo-16x9"), meta(parse(page.html()), "og:image"));
        assertEquals(Outcome.PASS, check(page, "x", "image-size").outcome());
    }

    @Test
    void withoutAnyCardThereIsNoImageTagAndEveryPlatformFailsTheImageRule() {
        SharePage page = renderer.render(Fixtures.article(), new CardSet(List.of(), Fixtures.report()));
        Document doc = parse(page.html());
        assertNull(meta(doc, "og:image"));
        assertNull(meta(doc, "twitter:image"));
        assertTrue(page.lintFailed());
        assertEquals(Outcome.FAIL, check(page, "facebook", "required-tags").outcome());
        assertEquals(Outcome.FAIL, check(page, "whatsapp", "image").outcome());
        assertEquals(0, PageParts.jsonLd(doc).path("image").size());
    }

    @Test
    void oembedDocumentIsALinkWithThumbnailTitleAuthorAndProvider() throws IOException {
        SharePage page = renderer.render(Fixtures.article(), CARDS);
        JsonNode oembed = PageParts.json(page.oembedJson());
        BufferedImage og = decode(CARDS, "og");
        assertEquals("1.0", oembed.get("version").asText());
        assertEquals("link", oembed.get("type").asText());
        assertEquals("Storm closes the harbour as ferries wait out the gale", oembed.get("title").asText());
        assertEquals("Ana Lima, Omar Haddad", oembed.get("author_name").asText());
        assertEquals("https://news.example.com/authors/ana-lima", oembed.get("author_url").asText());
        assertEquals("The Daily Example", oembed.get("provider_name").asText());
        assertEquals("https://news.example.com", oembed.get("provider_url").asText());
        assertEquals(url(CARDS, "og"), oembed.get("thumbnail_url").asText());
        assertEquals(og.getWidth(), oembed.get("thumbnail_width").asInt());
        assertEquals(og.getHeight(), oembed.get("thumbnail_height").asInt());
        assertEquals(Fixtures.SITE.publicUrl(page.oembedKey()),
                parse(page.html()).selectFirst("link[type=application/json+oembed]").attr("href"));
    }

    @Test
    void metadataJsonCarriesUrlsImagesDatesPeopleLintAndRenderReport() {
        SharePage page = renderer.render(Fixtures.article(), CARDS);
        JsonNode m = PageParts.json(page.metadataJson());
        assertEquals("Storm closes the harbour as ferries wait out the gale", m.get("title").asText());
        assertEquals("https://news.example.com/world/storm-harbour", m.get("urls").get("canonical").asText());
        assertEquals("https://news.example.com/static/share/storm-harbour.html", m.get("urls").get("share").asText());
        assertEquals(Fixtures.SITE.publicUrl("share/storm-harbour.json"), m.get("urls").get("metadata").asText());
        assertEquals(CARDS.cards().size(), m.get("images").size());
        for (int i = 0; i < CARDS.cards().size(); i++) {
            Card card = CARDS.cards().get(i);
            JsonNode image = m.get("images").get(i);
            assertEquals(card.preset().name(), image.get("preset").asText());
            assertEquals(Fixtures.SITE.publicUrl(card.key("storm-harbour")), image.get("url").asText());
            assertEquals(card.width(), image.get("width").asInt());
            assertEquals(card.height(), image.get("height").asInt());
            assertEquals(card.jpeg().length, image.get("bytes").asLong());
            assertEquals("Three ferries tied up at an empty quay", image.get("alt").asText());
        }
        assertEquals("og", m.get("image").get("preset").asText());
        assertEquals("2026-03-14T09:30:00+01:00", m.get("published").asText());
        assertEquals("2026-03-14T11:05:42+01:00", m.get("modified").asText());
        assertEquals("Omar Haddad", m.get("authors").get(1).get("name").asText());
        assertEquals("World", m.get("section").asText());
        assertEquals("shipping", m.get("tags").get(1).asText());
        assertEquals(2, m.get("readingMinutes").asInt());
        assertEquals(page.lint().outcome().json(), m.get("lint").get("outcome").asText());
        assertEquals(SharePageRenderer.platforms().size(), m.get("lint").get("platforms").size());
        assertEquals("facebook", m.get("lint").get("platforms").get(0).get("platform").asText());
        assertEquals(4000, m.get("render").get("photoWidth").asInt());
        assertEquals("focus used", m.get("render").get("notes").get(0).asText());
    }

    @Test
    void sameInputGivesTheSameBytes() {
        SharePage a = renderer.render(Fixtures.article(), CARDS);
        SharePage b = new SharePageRenderer(Fixtures.SITE).render(Fixtures.article(), CARDS);
        assertEquals(a, b);
    }

    @Test
    void longHeadlineIsCutForXAtAWordButKeptWholeInOpenGraph() {
        String headline = "Parliament votes to extend the emergency harbour closure for another fortnight after the "
                + "second storm in a week damages the northern breakwater";
        String summary = "word ".repeat(80).trim();
        SharePage page = renderer.render(Fixtures.article(headline, summary, "en"), CARDS);
        Document doc = parse(page.html());
        String x = meta(doc, "twitter:title");
        assertTrue(x.codePointCount(0, x.length()) <= 70, x);
        assertTrue(x.endsWith("\u2026"), x);
        String kept = x.substring(0, x.length() - 1);
        assertTrue(headline.startsWith(kept + " "), "cut at a word: " + x);
        assertEquals(headline, meta(doc, "og:title"));
        assertEquals(headline, doc.title());

        String xd = meta(doc, "twitter:description");
        assertTrue(xd.length() <= 200 && xd.endsWith("word\u2026"), xd);
        assertEquals(summary.substring(0, 299) + "\u2026", meta(doc, "og:description"),
                "Open Graph keeps up to 300 characters");
        assertEquals(Outcome.WARN, check(page, "facebook", "title-length").outcome());
        assertEquals(Outcome.PASS, check(page, "x", "title-length").outcome());
        assertTrue(check(page, "x", "title-length").detail().contains("cut at a word from " + headline.length()));
    }

    @Test
    void nonAsciiAndQueryInTheArticleUrlArePercentEncodedAndEscaped() {
        Article a = Fixtures.withUrl(Fixtures.article(), "https://news.example.com/monde/\u00e9t\u00e9?x=1&y=2");
        SharePage page = renderer.render(a, CARDS);
        Document doc = parse(page.html());
        String expected = "https://news.example.com/monde/%C3%A9t%C3%A9?x=1&y=2";
        assertEquals(expected, doc.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(expected, meta(doc, "og:url"));
        assertEquals("0; url=" + expected, doc.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals(expected, doc.selectFirst("a").attr("href"));
        assertEquals(expected, PageParts.jsonLd(doc).get("mainEntityOfPage").get("@id").asText());
        assertTrue(page.html().contains("?x=1&amp;y=2"), "& is escaped in attributes");
    }

    @Test
    void articleUrlThatIsNotHttpIsRefused() {
        Article bad = Fixtures.withUrl(Fixtures.article(), "javascript:alert(1)");
        ArticleException e = assertThrows(ArticleException.class, () -> renderer.render(bad, CARDS));
        assertEquals("url", e.field());
        assertEquals("storm-harbour", e.article());
    }

    @Test
    void headlineOfOnlyControlCharactersIsRefused() {
        Article bad = Fixtures.article("\u0007\u0000 \u200B".substring(0, 3), "x", "en");
        ArticleException e = assertThrows(ArticleException.class, () -> renderer.render(bad, CARDS));
        assertEquals("headline", e.field());
    }

    @Test
    void nonHttpAuthorUrlIsLeftOutEverywhere() {
        Article a = Fixtures.with(Fixtures.article(),
                List.of(new io.masthead.article.Author("Eve", "javascript:alert(1)")), List.of(), "");
        SharePage page = renderer.render(a, CARDS);
        Document doc = parse(page.html());
        assertEquals(List.of("Eve"), PageParts.metas(doc, "article:author"));
        assertNull(PageParts.jsonLd(doc).get("author").get(0).get("url"));
        assertFalse(page.html().contains("javascript:"));
        assertFalse(page.oembedJson().contains("javascript:"));
        assertFalse(page.metadataJson().contains("javascript:"));
    }

    @Test
    void withoutBodyThereIsNoReadingTimeAndLabelsStayNumberedFromOne() {
        Article a = Fixtures.with(Fixtures.article(), List.of(), List.of(), "");
        Document doc = parse(renderer.render(a, CARDS).html());
        assertNull(meta(doc, "twitter:label1"));
        assertNull(meta(doc, "twitter:data2"));
        Article noAuthors = Fixtures.with(Fixtures.article(), List.of(), List.of(), Fixtures.body(700));
        Document doc2 = parse(renderer.render(noAuthors, CARDS).html());
        assertEquals("Reading time", meta(doc2, "twitter:label1"));
        assertEquals("4 min read", meta(doc2, "twitter:data1"));
        assertNull(meta(doc2, "twitter:label2"));
    }

    @Test
    void withoutSummaryThereIsNoDescriptionAndTheLintWarns() {
        SharePage page = renderer.render(Fixtures.article("Headline only", "", "en"), CARDS);
        Document doc = parse(page.html());
        assertNull(meta(doc, "description"));
        assertNull(meta(doc, "og:description"));
        assertNull(meta(doc, "twitter:description"));
        assertNull(PageParts.jsonLd(doc).get("description"));
        assertEquals(Outcome.WARN, check(page, "facebook", "recommended-tags").outcome());
        assertTrue(check(page, "facebook", "recommended-tags").detail().contains("og:description"));
        assertFalse(page.lintFailed());
    }

    @Test
    void lintReportsFailuresForTheCaller() {
        SharePage good = renderer.render(Fixtures.article(), CARDS);
        assertFalse(good.lintFailed());
        assertEquals(List.of(), good.lint().findings(Outcome.FAIL));
        assertNotNull(good.lint().platform("imessage").orElse(null));
    }

    static LintCheck check(SharePage page, String platform, String rule) {
        return page.lint().platform(platform).orElseThrow().checks().stream()
                .filter(c -> c.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError(platform + "/" + rule + " not in " + page.lint()));
    }
}
