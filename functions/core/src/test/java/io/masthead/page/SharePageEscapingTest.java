package io.masthead.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.masthead.article.Article;
import io.masthead.article.Author;
import io.masthead.article.Photo;
import io.masthead.card.CardSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.masthead.page.PageParts.meta;
import static io.masthead.page.PageParts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile text must show as text in every place it lands: element text, attributes, JSON. */
class SharePageEscapingTest {
    private static final CardSet CARDS = Fixtures.allCards();
    private static final String SCRIPT_HEADLINE = "</title><script>alert(1)</script>";
    private static final String ATTRIBUTE_BREAK = "\"><img src=x onerror=alert(1)>";
    private final SharePageRenderer renderer = new SharePageRenderer(Fixtures.SITE);

    private SharePage hostile() {
        Article a = Fixtures.article(SCRIPT_HEADLINE, ATTRIBUTE_BREAK + " & 'quotes' </script><!--", "en");
        a = Fixtures.withPhoto(a, new Photo("photos/x.jpg", ATTRIBUTE_BREAK, ATTRIBUTE_BREAK, "<b>credit</b>", null));
        return renderer.render(Fixtures.with(a, List.of(new Author(ATTRIBUTE_BREAK, null)),
                List.of("</script>", ATTRIBUTE_BREAK), a.bodyHtml()), CARDS);
    }

    @Test
    void scriptInTheHeadlineShowsAsTextInTitleTagsBodyAndJson() {
        SharePage page = hostile();
        Document doc = parse(page.html());
        assertEquals(SCRIPT_HEADLINE, doc.title());
        assertEquals(SCRIPT_HEADLINE, meta(doc, "og:title"));
        assertEquals(SCRIPT_HEADLINE, meta(doc, "twitter:title"));
        assertEquals(SCRIPT_HEADLINE, doc.selectFirst("h1").text());
        // The only script is the JSON-LD one, and it parses to the same headline.
        assertEquals(1, doc.select("script").size());
        assertEquals(SCRIPT_HEADLINE, PageParts.jsonLd(doc).get("headline").asText());
        assertFalse(page.html().contains("<script>alert"));
        assertEquals(SCRIPT_HEADLINE, PageParts.json(page.oembedJson()).get("title").asText());
        assertEquals(SCRIPT_HEADLINE, PageParts.json(page.metadataJson()).get("title").asText());
    }

    @Test
    void attributeBreakoutStaysInsideItsAttribute() {
        Document doc = parse(hostile().html());
        assertEquals(1, doc.select("img").size(), "only the card image");
        assertTrue(doc.select("[onerror]").isEmpty());
        assertEquals(ATTRIBUTE_BREAK + " & 'quotes' </script><!--", meta(doc, "og:description"));
        assertEquals(ATTRIBUTE_BREAK, meta(doc, "og:image:alt"));
        assertEquals(ATTRIBUTE_BREAK, meta(doc, "twitter:image:alt"));
        assertEquals(ATTRIBUTE_BREAK, meta(doc, "article:author"));
        assertEquals(ATTRIBUTE_BREAK, meta(doc, "twitter:data1"));
        assertEquals(List.of("</script>", ATTRIBUTE_BREAK), PageParts.metas(doc, "article:tag"));
        assertEquals(ATTRIBUTE_BREAK, doc.selectFirst("img").attr("alt"));
        assertEquals(ATTRIBUTE_BREAK + " (Photo: <b>credit</b>)", doc.selectFirst("figcaption").text());
        assertTrue(doc.select("figcaption b").isEmpty());
    }

    @Test
    void jsonLdEscapesMarkupCharactersSoNoStringClosesTheScript() {
        SharePage page = hostile();
        Document doc = parse(page.html());
        String raw = doc.selectFirst("script[type=application/ld+json]").data();
        assertFalse(raw.contains("<"), raw);
        assertFalse(raw.contains(">"), raw);
        assertFalse(raw.contains("&"), raw);
        assertTrue(raw.contains("\\u003C/script\\u003E"), raw);
        JsonNode ld = PageParts.json(raw);
        assertEquals(ATTRIBUTE_BREAK + " & 'quotes' </script><!--", ld.get("description").asText());
        assertEquals("</script>, " + ATTRIBUTE_BREAK, ld.get("keywords").asText());
    }

    @Test
    void lineSeparatorsControlCharactersAndLoneSurrogatesAreRemovedButEmojiKept() {
        String headline = "Tide\u2028turns\u0007 at \uD83C\uDF0A dawn\uD800 \uDC00again\u0000";
        SharePage page = renderer.render(Fixtures.article(headline, "Sea\u2029wall\u001B holds", "en"), CARDS);
        Document doc = parse(page.html());
        String expected = "Tide turns at \uD83C\uDF0A dawn again";
        assertEquals(expected, meta(doc, "og:title"));
        assertEquals(expected, doc.title());
        assertEquals("Sea wall holds", meta(doc, "og:description"));
        assertEquals(expected, PageParts.jsonLd(doc).get("headline").asText());
        for (String text : List.of(page.html(), page.metadataJson(), page.oembedJson())) {
            assertFalse(text.chars().anyMatch(c -> c == 0x2028 || c == 0x2029 || c == 0x07 || c == 0 || c == 0x1B));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertTrue(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i)), "paired at " + i);
                } else {
                    assertFalse(Character.isLowSurrogate(c), "lone low surrogate at " + i);
                }
            }
        }
    }

    @Test
    void everyUrlInThePageIsAbsoluteHttp() {
        Document doc = parse(hostile().html());
        for (Element e : doc.select("[href], [src]")) {
            String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            assertTrue(url.startsWith("https://"), e.outerHtml());
        }
        for (String key : List.of("og:url", "og:image", "og:image:secure_url", "twitter:image")) {
            assertTrue(meta(doc, key).startsWith("https://"), key);
        }
    }
}
