package io.masthead.card;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The crop follows the subject: faces kept whole, subjects above the text, small photos not blown up. */
class CropTest {

    @Test
    void portraitCroppedToOgKeepsTheWholeFace() throws IOException {
        // astronaut.png (512x512) enlarged 4x so that og is a real crop, not a small-photo fill
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(Fixtures.resource("astronaut.png")));
        BufferedImage big = new BufferedImage(2048, 2048, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, 2048, 2048, null);
        g.dispose();
        CardSet set = new CardRenderer(Fixtures.SITE, Preset.DEFAULTS).render(Fixtures.article(Fixtures.HEADLINE), Samples.png(big));
        // the face, forehead to chin, in the 512-pixel original: x 165..295, y 45..185
        int faceTop = 45 * 4;
        int faceBottom = 185 * 4;
        for (String preset : List.of("og", "photo-16x9", "photo-4x3")) {
            RenderReport.PresetReport r = set.report().presets().stream().filter(p -> p.name().equals(preset)).findFirst().orElseThrow();
            assertEquals("attention", r.crop(), preset);
            assertTrue(r.cropY() <= faceTop && r.cropY() + r.cropHeight() >= faceBottom,
                    preset + ": crop y " + r.cropY() + ".." + (r.cropY() + r.cropHeight()) + " keeps the face " + faceTop + ".." + faceBottom);
        }
        RenderReport.PresetReport story = set.report().presets().stream().filter(p -> p.name().equals("story")).findFirst().orElseThrow();
        assertTrue(story.cropX() <= 165 * 4 && story.cropX() + story.cropWidth() >= 295 * 4, "story keeps the face across");
    }

    @Test
    void subjectIsKeptAboveTheText() {
        // a tall photo: textured grey, one bright red disc in the middle; og shows a 1000x525 band of it
        BufferedImage img = new BufferedImage(1000, 2000, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 2000; y++) {
            for (int x = 0; x < 1000; x++) {
                int v = 110 + random.nextInt(20);
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(220, 30, 30));
        g.fillOval(420, 920, 160, 160);
        g.dispose();
        CardSet set = new CardRenderer(Fixtures.SITE, List.of(Preset.OG)).render(Fixtures.article(Fixtures.HEADLINE), Samples.png(img));
        RenderReport.PresetReport og = set.report().presets().get(0);
        assertEquals("attention", og.crop());
        // where the disc lands on the card (1.2 card pixels per photo pixel)
        double discTop = (920 - og.cropY()) * 1200.0 / og.cropWidth();
        double discBottom = (1080 - og.cropY()) * 1200.0 / og.cropWidth();
        assertTrue(discTop >= 0, "the disc is on the card");
        int headlineTop = headlineTop(Fixtures.HEADLINE);
        assertTrue(discBottom <= headlineTop, "disc " + discTop + ".." + discBottom + " above the text from " + headlineTop);
        // and the centre crop would have put it under the text
        assertTrue((1080 - (2000 - 525) / 2.0) * 1200 / 1000 > headlineTop);
    }

    @Test
    void featurelessPhotoIsCroppedInTheCentre() {
        CardSet set = new CardRenderer(Fixtures.SITE, List.of(new Preset("photo-1x1", 1200, 1200, false)))
                .render(Fixtures.article("Flat"), Samples.png(Samples.solid(2400, 1200, 0x808080)));
        RenderReport.PresetReport r = set.report().presets().get(0);
        assertEquals("centre", r.crop());
        assertEquals(600, r.cropX());
    }

    @Test
    void smallPhotoIsPlacedOnABlurredFillNotBlownUp() {
        CardSet set = new CardRenderer(Fixtures.SITE, List.of(Preset.OG)).render(Fixtures.article(Fixtures.HEADLINE), Fixtures.resource("chelsea.png"));
        RenderReport.PresetReport og = set.report().presets().get(0);
        assertEquals("blurred-fill", og.fill());
        assertTrue(og.upscale() <= CardPainter.FILL_UPSCALE + 1e-9, "enlarged at most 1.25x: " + og.upscale());
        assertTrue(set.report().notes().stream().anyMatch(n -> n.contains("blurred fill")), set.report().notes().toString());
        BufferedImage card = Fixtures.decode(set.cards().get(0).jpeg());
        // the photo itself (centre top) has detail; the fill at the edge is smooth
        assertTrue(detail(card, 520, 60, 160, 100) > 3 * detail(card, 10, 60, 60, 100),
                "sharp photo " + detail(card, 520, 60, 160, 100) + " vs blurred fill " + detail(card, 10, 60, 60, 100));
    }

    /** Mean absolute difference between horizontal neighbours. */
    private static double detail(BufferedImage img, int x0, int y0, int w, int h) {
        double sum = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w - 1; x++) {
                sum += Math.abs((img.getRGB(x, y) & 0xff) - (img.getRGB(x + 1, y) & 0xff));
            }
        }
        return sum / (w * h);
    }

    private static int headlineTop(String headline) {
        FontChain f = FontChain.bundled();
        CardText t = CardText.set(1200, 630, new CardText.Words(f.cover("WORLD", true), f.cover(headline, true),
                f.cover("Photo: REUTERS/Ahmed Saad", false), f.cover(Fixtures.SITE.name(), true), java.util.Locale.ENGLISH),
                false, 0xFFFFFF, 0xE2E2E2);
        return t.lines().stream().filter(p -> p.role().equals("kicker")).mapToInt(p -> p.box().y).min().orElseThrow();
    }
}
