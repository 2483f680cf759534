package io.masthead.card;

import io.masthead.article.ArticleException;
import io.masthead.article.Focus;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CardRendererTest {
    private static final CardRenderer RENDERER = new CardRenderer(Fixtures.SITE, Preset.DEFAULTS);

    @Test
    void everyPresetHasItsSizeAndIsAProgressiveJpeg() throws Exception {
        CardSet set = RENDERER.render(Fixtures.article(Fixtures.HEADLINE), Fixtures.resource("coffee.png"));
        assertEquals(Preset.DEFAULTS.size(), set.cards().size());
        for (Preset p : Preset.DEFAULTS) {
            Card card = set.find(p.name()).orElseThrow();
            BufferedImage img = Fixtures.decode(card.jpeg());
            assertEquals(p.width(), img.getWidth(), p.name());
            assertEquals(p.height(), img.getHeight(), p.name());
            assertTrue(isProgressive(card.jpeg()), p.name() + " should be progressive");
            assertTrue(card.hash().matches("[0-9a-f]{16}"));
            assertEquals("cards/test-article/" + p.name() + "-" + card.hash() + ".jpg", card.key("test-article"));
        }
        assertTrue(set.find("og").orElseThrow().bytes() <= CardRenderer.OG_MAX_BYTES);
    }

    @Test
    void identicalInputGivesIdenticalBytes() {
        byte[] photo = Fixtures.resource("rocket.jpg");
        CardSet a = RENDERER.render(Fixtures.article(Fixtures.HEADLINE), photo);
        CardSet b = new CardRenderer(Fixtures.SITE, Preset.DEFAULTS).render(Fixtures.article(Fixtures.HEADLINE), photo);
        for (int i = 0; i < a.cards().size(); i++) {
            assertArrayEquals(a.cards().get(i).jpeg(), b.cards().get(i).jpeg(), a.cards().get(i).preset().name());
            assertEquals(a.cards().get(i).hash(), b.cards().get(i).hash());
        }
        CardSet other = RENDERER.render(Fixtures.article("A different headline"), photo);
        assertNotEquals(a.find("og").orElseThrow().hash(), other.find("og").orElseThrow().hash());
    }

    @Test
    void textCardIsInTheSiteColour() {
        CardSet set = RENDERER.render(Fixtures.article(Fixtures.HEADLINE, "World", "en", null, null), null);
        BufferedImage og = Fixtures.decode(set.find("og").orElseThrow().jpeg());
        // the top left corner is plain site colour #1a1a2e
        int rgb = og.getRGB(10, 10);
        assertEquals(0x1a, (rgb >> 16) & 0xff, 3);
        assertEquals(0x1a, (rgb >> 8) & 0xff, 3);
        assertEquals(0x2e, rgb & 0xff, 3);
        assertEquals("text-card", set.report().presets().get(0).fill());
        assertTrue(set.report().worstContrast() >= Contrast.MINIMUM);
        // text is set: some pixels in the lower half are light
        assertTrue(Fixtures.meanLuminance(og, 60, 300, 1080, 280) > Contrast.luminance(0x1a1a2e) + 0.02);
    }

    @Test
    void photoWithFocusIsCroppedAroundIt() {
        // a 2000x1000 photo, white with one red square at the far right: focus there keeps it
        BufferedImage photo = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_RGB);
        var g = photo.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 2000, 1000);
        g.setColor(java.awt.Color.RED);
        g.fillRect(1850, 100, 100, 100);
        g.dispose();
        byte[] png = Samples.png(photo);
        CardRenderer r = new CardRenderer(Fixtures.SITE, List.of(new Preset("photo-1x1", 1200, 1200, false)));
        CardSet set = r.render(Fixtures.article("Red square", "", "en", "Test", new Focus(0.95, 0.15)), png);
        RenderReport.PresetReport rep = set.report().presets().get(0);
        assertEquals("focus", rep.crop());
        assertEquals(1000, rep.cropX()); // pushed to the right edge
        BufferedImage card = Fixtures.decode(set.cards().get(0).jpeg());
        int red = card.getRGB((int) ((1900 - 1000) * 1.2), (int) (150 * 1.2));
        assertTrue(((red >> 16) & 0xff) > 200 && ((red >> 8) & 0xff) < 60, "the red square is on the card");
    }

    @Test
    void notAnImageIsAClearPhotoError() {
        ArticleException e = assertThrows(ArticleException.class,
                () -> RENDERER.render(Fixtures.article(Fixtures.HEADLINE), "hello, not a photo".getBytes()));
        assertEquals("test-article", e.article());
        assertEquals("photo", e.field());
        assertTrue(e.problem().contains("not a supported image"), e.problem());
    }

    @Test
    void truncatedJpegIsAClearPhotoError() {
        byte[] full = Fixtures.resource("rocket.jpg");
        byte[] cut = Arrays.copyOf(full, full.length / 2);
        ArticleException e = assertThrows(ArticleException.class, () -> RENDERER.render(Fixtures.article(Fixtures.HEADLINE), cut));
        assertEquals("photo", e.field());
        assertTrue(e.problem().contains("truncated"), e.problem());
    }

    @Test
    void emptyPhotoIsAClearPhotoError() {
        ArticleException e = assertThrows(ArticleException.class, () -> RENDERER.render(Fixtures.article(Fixtures.HEADLINE), new byte[0]));
        assertTrue(e.problem().contains("empty"), e.problem());
    }

    @Test
    void creditIsNotDoubled() {
        assertEquals("Photo: REUTERS/Ahmed Saad", CardRenderer.creditLine("REUTERS/Ahmed Saad"));
        assertEquals("Photo: NASA", CardRenderer.creditLine("Photo: NASA"));
        assertEquals("photo: NASA", CardRenderer.creditLine("photo: NASA"));
        assertEquals("Photo: Photographers Guild", CardRenderer.creditLine("Photographers Guild"));
    }

    static boolean isProgressive(byte[] jpeg) throws Exception {
        // SOF2 marker (0xFFC2) marks a progressive JPEG
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC2) return true;
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) return false;
        }
        return false;
    }
}
