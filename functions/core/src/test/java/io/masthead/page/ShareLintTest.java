package io.masthead.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.masthead.article.Article;
import io.masthead.article.Photo;
import io.masthead.card.Card;
import io.masthead.card.CardSet;
import io.masthead.card.Preset;
import io.masthead.site.Site;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.masthead.page.PageParts.meta;
import static io.masthead.page.PageParts.parse;
import static io.masthead.page.SharePageRendererTest.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lint outcomes against images measured from real JPEG bytes. */
class ShareLintTest {
    private static final Article ARTICLE = Fixtures.article();

    /** The default card set with the og card's bytes replaced. */
    private static CardSet withOg(byte[] jpeg) {
        List<Card> cards = new ArrayList<>(Fixtures.allCards().cards());
        cards.set(0, Fixtures.card(Preset.OG, jpeg));
        return new CardSet(cards, Fixtures.report());
    }

    private static SharePage render(CardSet cards) {
        return new SharePageRenderer(Fixtures.SITE).render(ARTICLE, cards);
    }

    private static Outcome outcome(SharePage page, String platform, String rule) {
        return check(page, platform, rule).outcome();
    }

    @Test
    void wellMadeCardsPassEveryImageRule() {
        SharePage page = render(Fixtures.allCards());
        for (String platform : SharePageRenderer.platforms()) {
            for (LintCheck c : page.lint().platform(platform).orElseThrow().checks()) {
                assertEquals(Outcome.PASS, c.outcome(), platform + "/" + c.rule() + ": " + c.detail());
            }
        }
        assertEquals(Outcome.PASS, page.lint().outcome());
    }

    @Test
    void undersizeImageFailsWhereThePlatformShowsNothing() {
        SharePage page = render(withOg(Fixtures.jpeg(160, 84)));
        assertEquals("160", meta(parse(page.html()), "og:image:width"), "the measured size is published");
        assertEquals(Outcome.FAIL, outcome(page, "facebook", "image-size"));
        assertEquals(Outcome.FAIL, outcome(page, "x", "image-size"));
        assertEquals(Outcome.FAIL, outcome(page, "linkedin", "image-size"));
        assertEquals(Outcome.FAIL, outcome(page, "whatsapp", "image-size"));
        assertTrue(page.lintFailed());
        assertTrue(page.lint().findings(Outcome.FAIL).contains("x/image-size: 160x84 is below the minimum 300x157"),
                page.lint().findings(Outcome.FAIL).toString());
    }

    @Test
    void smallButUsableImageWarnsWhereItIsShownSmall() {
        SharePage page = render(withOg(Fixtures.jpeg(400, 210)));
        assertEquals(Outcome.WARN, outcome(page, "facebook", "image-size"));
        assertEquals(Outcome.WARN, outcome(page, "linkedin", "image-size"));
        assertEquals(Outcome.PASS, outcome(page, "x", "image-size"));
        assertEquals(Outcome.PASS, outcome(page, "whatsapp", "image-size"));
        assertFalse(page.lintFailed());
    }

    @Test
    void imageAboveXsMaximumDimensionsFailsOnXOnly() {
        SharePage page = render(withOg(Fixtures.jpeg(5000, 2625)));
        assertEquals(Outcome.FAIL, outcome(page, "x", "image-size"));
        assertEquals(Outcome.PASS, outcome(page, "facebook", "image-size"));
    }

    @Test
    void heavyImageFailsEachPlatformWhoseByteLimitItExceeds() throws IOException {
        byte[] nineMb = Fixtures.padded(Fixtures.jpeg(1200, 630), 9 * 1024 * 1024);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(nineMb));
        assertEquals(1200, decoded.getWidth(), "the padded file is still a real JPEG");
        SharePage page = render(withOg(nineMb));
        for (String platform : List.of("facebook", "x", "linkedin", "whatsapp")) {
            assertEquals(Outcome.FAIL, outcome(page, platform, "image-bytes"), platform);
        }
        assertEquals(Outcome.PASS, outcome(page, "facebook", "image-size"));

        SharePage sixMb = render(withOg(Fixtures.padded(Fixtures.jpeg(1200, 630), 6 * 1024 * 1024)));
        assertEquals(Outcome.PASS, outcome(sixMb, "facebook", "image-bytes"));
        assertEquals(Outcome.FAIL, outcome(sixMb, "x", "image-bytes"));
    }

    @Test
    void whatsappAloneRefusesAnImageOver300k() {
        SharePage over = render(withOg(Fixtures.padded(Fixtures.jpeg(1200, 630), 310 * 1024)));
        assertEquals(Outcome.FAIL, outcome(over, "whatsapp", "image-bytes"));
        assertEquals(Outcome.PASS, outcome(over, "facebook", "image-bytes"));
        assertEquals(Outcome.PASS, outcome(over, "x", "image-bytes"));
        SharePage under = render(withOg(Fixtures.padded(Fixtures.jpeg(1200, 630), 290 * 1024)));
        assertEquals(Outcome.PASS, outcome(under, "whatsapp", "image-bytes"));
    }

    @Test
    void squareImageInTheWideSlotWarnsAboutTheCrop() {
        SharePage page = render(withOg(Fixtures.jpeg(1080, 1080)));
        assertEquals(Outcome.WARN, outcome(page, "facebook", "image-ratio"));
        assertEquals(Outcome.WARN, outcome(page, "x", "image-ratio"));
        assertEquals("1080", meta(parse(page.html()), "og:image:height"));
    }

    @Test
    void bytesThatAreNotAnImageFailAndNoSizeIsClaimed() {
        SharePage page = render(withOg("not a jpeg at all".getBytes()));
        Document doc = parse(page.html());
        assertNull(meta(doc, "og:image:width"));
        assertNull(meta(doc, "og:image:type"));
        assertEquals(Outcome.FAIL, outcome(page, "facebook", "image-type"));
        assertTrue(page.lintFailed());
        assertFalse(PageParts.json(page.oembedJson()).has("thumbnail_url"), "oEmbed thumbnails need a size");
    }

    @Test
    void plainHttpImagesWarnAndFailOnMessages() {
        Site http = new Site("Daily", "http://news.example.com", "http://news.example.com/static", 50, null, null, null);
        SharePage page = new SharePageRenderer(http).render(ARTICLE, Fixtures.allCards());
        assertNull(meta(parse(page.html()), "og:image:secure_url"));
        assertEquals(Outcome.WARN, outcome(page, "facebook", "image-url"));
        assertEquals(Outcome.WARN, outcome(page, "x", "image-url"));
        assertEquals(Outcome.FAIL, outcome(page, "imessage", "image-url"));
        assertEquals(Outcome.WARN, outcome(page, "facebook", "recommended-tags"));
        assertTrue(check(page, "facebook", "recommended-tags").detail().contains("og:image:secure_url"));
    }

    @Test
    void missingAltTextWarns() {
        Article noAlt = Fixtures.withPhoto(ARTICLE, new Photo("photos/a.jpg", "", "", "AP", null));
        SharePage page = new SharePageRenderer(Fixtures.SITE).render(noAlt, Fixtures.allCards());
        assertNull(meta(parse(page.html()), "og:image:alt"));
        assertEquals(Outcome.WARN, outcome(page, "x", "image-alt"));
        assertEquals(Outcome.WARN, outcome(page, "x", "recommended-tags"));
        assertEquals(Outcome.WARN, outcome(page, "facebook", "image-alt"));
    }

    @Test
    void shareHostOtherThanTheArticlesWarnsForFacebook() {
        Site cdn = new Site("Daily", "https://news.example.com", "https://cdn.example.net/masthead", 50, null, "", null);
        SharePage page = new SharePageRenderer(cdn).render(ARTICLE, Fixtures.allCards());
        assertEquals(Outcome.WARN, outcome(page, "facebook", "canonical-host"));
        assertEquals(Outcome.WARN, outcome(page, "x", "recommended-tags"), "no twitter:site configured");
        assertNull(meta(parse(page.html()), "twitter:site"));
    }

    @Test
    void reportSerializesWithLowercaseOutcomes() {
        SharePage page = render(withOg(Fixtures.jpeg(160, 84)));
        JsonNode lint = PageParts.json(page.metadataJson()).get("lint");
        assertEquals("fail", lint.get("outcome").asText());
        JsonNode x = lint.get("platforms").get(1);
        assertEquals("x", x.get("platform").asText());
        assertEquals("fail", x.get("outcome").asText());
        boolean found = false;
        for (JsonNode c : x.get("checks")) {
            if (c.get("rule").asText().equals("image-size")) {
                assertEquals("fail", c.get("outcome").asText());
                found = true;
            }
        }
        assertTrue(found);
        assertEquals(SharePageRenderer.platforms(), List.of("facebook", "x", "linkedin", "slack", "whatsapp", "discord", "imessage"));
    }
}
