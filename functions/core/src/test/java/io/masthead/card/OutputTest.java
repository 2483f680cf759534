package io.masthead.card;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** What leaves the renderer: small, clean, sRGB JPEGs, the same bytes every time and from every thread. */
class OutputTest {

    /** JPEG marker codes in file order, up to the first scan. */
    static List<Integer> markers(byte[] jpeg) {
        List<Integer> out = new ArrayList<>();
        int p = 2;
        while (p + 4 < jpeg.length) {
            int marker = jpeg[p + 1] & 0xff;
            out.add(marker);
            if (marker == 0xDA) break;
            p += 2 + (((jpeg[p + 2] & 0xff) << 8) | (jpeg[p + 3] & 0xff));
        }
        return out;
    }

    @Test
    void metadataIsStrippedAndColoursAreSrgbYcbcr() {
        // the input carries EXIF (hubble_deep_field.jpg says Photoshop CS5 in it)
        CardSet set = new CardRenderer(Fixtures.SITE, Preset.DEFAULTS).render(Fixtures.article(Fixtures.HEADLINE), Fixtures.resource("hubble_deep_field.jpg"));
        for (Card card : set.cards()) {
            List<Integer> m = markers(card.jpeg());
            assertEquals(0xE0, m.get(0), "JFIF first");
            assertFalse(m.contains(0xE1), card.preset().name() + ": no EXIF/XMP");
            assertFalse(m.contains(0xE2), card.preset().name() + ": no ICC profile (JFIF means sRGB)");
            assertFalse(m.contains(0xED), "no IPTC");
            assertTrue(m.contains(0xC2), "progressive");
            assertFalse(new String(card.jpeg(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Photoshop"));
        }
    }

    @Test
    void noisyPhotoStillGivesAnOgUnder300KB() {
        BufferedImage noise = new BufferedImage(1200, 630, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int y = 0; y < noise.getHeight(); y++) for (int x = 0; x < noise.getWidth(); x++) noise.setRGB(x, y, r.nextInt(0xFFFFFF));
        CardSet set = new CardRenderer(Fixtures.SITE, List.of(Preset.OG)).render(Fixtures.article(Fixtures.HEADLINE), Samples.png(noise));
        Card og = set.cards().get(0);
        RenderReport.PresetReport report = set.report().presets().get(0);
        assertTrue(og.bytes() <= CardRenderer.OG_MAX_BYTES, "og bytes " + og.bytes());
        assertEquals(og.bytes(), report.bytes());
        assertTrue(report.quality() < CardRenderer.quality(Preset.OG), "quality lowered to fit: " + report.quality());
    }

    @Test
    void sameBytesFromManyThreadsAtOnce() throws Exception {
        CardRenderer renderer = new CardRenderer(Fixtures.SITE, Preset.DEFAULTS);
        byte[] photo = Fixtures.resource("rocket.jpg");
        CardSet reference = renderer.render(Fixtures.article(Fixtures.HEADLINE), photo);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<CardSet>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) futures.add(pool.submit(() -> renderer.render(Fixtures.article(Fixtures.HEADLINE), photo)));
            for (Future<CardSet> f : futures) {
                CardSet s = f.get();
                for (int i = 0; i < reference.cards().size(); i++) {
                    assertEquals(reference.cards().get(i).hash(), s.cards().get(i).hash());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportIsJsonSerialisable() throws Exception {
        CardSet set = new CardRenderer(Fixtures.SITE, Preset.DEFAULTS).render(Fixtures.article(Fixtures.HEADLINE), Fixtures.resource("rocket.jpg"));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        String json = mapper.writeValueAsString(set.report());
        RenderReport back = mapper.readValue(json, RenderReport.class);
        // Wall times stay out of the stored report, so the same article and photo give the same bytes.
        assertEquals(json, mapper.writeValueAsString(back));
        assertTrue(!json.contains("Millis"), json);
        assertEquals(set.report().presets().get(0).bytes(), back.presets().get(0).bytes());
        assertTrue(json.contains("\"worstContrast\""));
        assertEquals(6, back.presets().size());
    }
}
