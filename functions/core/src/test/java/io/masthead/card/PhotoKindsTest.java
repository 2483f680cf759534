package io.masthead.card;

import io.masthead.article.ArticleException;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Photos as they really arrive: every kind is decoded, and the card shows its true colours. */
class PhotoKindsTest {
    /** A crop-only preset the size of the test photos: the card's pixels are the photo's. */
    private static final Preset SAME = new Preset("photo-1x1", 1200, 1200, false);
    private static final CardRenderer ONE = new CardRenderer(Fixtures.SITE, List.of(SAME));

    private static BufferedImage card(byte[] photo) {
        CardSet set = ONE.render(Fixtures.article("A photo"), photo);
        return Fixtures.decode(set.cards().get(0).jpeg());
    }

    private static int[] rgb(BufferedImage img, int x, int y) {
        int p = img.getRGB(x, y);
        return new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
    }

    /** Left half red, right half blue, 1200x1200. */
    private static BufferedImage redBlue(int type) {
        BufferedImage img = new BufferedImage(1200, 1200, type);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 600, 1200);
        g.setColor(Color.BLUE);
        g.fillRect(600, 0, 600, 1200);
        g.dispose();
        return img;
    }

    private static void assertRedLeftBlueRight(BufferedImage card) {
        int[] left = rgb(card, 300, 600);
        int[] right = rgb(card, 900, 600);
        assertTrue(left[0] > 180 && left[1] < 90 && left[2] < 90, "left is red: " + Arrays.toString(left));
        assertTrue(right[2] > 150 && right[0] < 90 && right[1] < 90, "right is blue: " + Arrays.toString(right));
    }

    @Test
    void cmykJpegAsAgenciesSendItIsConvertedToRgb() {
        // red ink (M+Y) on the left, cyan ink on the right
        byte[] jpeg = Samples.cmykJpeg(1200, 1200, (x, y) -> x < 600 ? 0x00FFFF00 : 0xFF000000, false);
        BufferedImage card = card(jpeg);
        int[] left = rgb(card, 300, 600);
        int[] right = rgb(card, 900, 600);
        assertTrue(left[0] > 170 && left[1] < 90 && left[2] < 100, "red ink prints red: " + Arrays.toString(left));
        assertTrue(right[0] < 90 && right[1] > 120 && right[2] > 170, "cyan ink prints cyan: " + Arrays.toString(right));
    }

    @Test
    void ycckJpegIsConvertedToRgb() {
        byte[] jpeg = Samples.cmykJpeg(1200, 1200, (x, y) -> x < 600 ? 0x00FFFF00 : 0xFF000000, true);
        BufferedImage card = card(jpeg);
        int[] left = rgb(card, 300, 600);
        int[] right = rgb(card, 900, 600);
        assertTrue(left[0] > 170 && left[1] < 90 && left[2] < 100, "red ink prints red: " + Arrays.toString(left));
        assertTrue(right[0] < 90 && right[1] > 120 && right[2] > 170, "cyan ink prints cyan: " + Arrays.toString(right));
    }

    @Test
    void baselineAndProgressiveJpeg() throws Exception {
        BufferedImage src = redBlue(BufferedImage.TYPE_INT_RGB);
        assertRedLeftBlueRight(card(Samples.jpeg(src)));
        byte[] progressive = JpegEncoder.encode(src, 90);
        assertTrue(CardRendererTest.isProgressive(progressive));
        assertRedLeftBlueRight(card(progressive));
    }

    @Test
    void sixteenBitRgbPng() {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {16, 16, 16},
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster r = cm.createCompatibleWritableRaster(1200, 1200);
        for (int y = 0; y < 1200; y++) {
            for (int x = 0; x < 1200; x++) r.setPixel(x, y, x < 600 ? new int[] {65535, 0, 0} : new int[] {0, 0, 65535});
        }
        BufferedImage img = new BufferedImage(cm, r, false, null);
        byte[] png = Samples.png(img);
        assertEquals(16, png[24], "the fixture is a 16-bit PNG");
        assertRedLeftBlueRight(card(png));
    }

    @Test
    void sixteenBitGreyPng() {
        BufferedImage img = new BufferedImage(1200, 1200, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = img.getRaster();
        for (int y = 0; y < 1200; y++) for (int x = 0; x < 1200; x++) r.setSample(x, y, 0, x < 600 ? 8000 : 60000);
        BufferedImage card = card(Samples.png(img));
        int[] dark = rgb(card, 300, 600);
        int[] light = rgb(card, 900, 600);
        assertTrue(dark[0] < 110 && Math.abs(dark[0] - dark[2]) < 6, "dark grey: " + Arrays.toString(dark));
        assertTrue(light[0] > 220 && Math.abs(light[0] - light[2]) < 6, "light grey: " + Arrays.toString(light));
    }

    @Test
    void paletteAndEightBitGreyPng() {
        byte[] reds = {(byte) 255, 0};
        byte[] greens = {0, 0};
        byte[] blues = {0, (byte) 255};
        BufferedImage indexed = new BufferedImage(1200, 1200, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, reds, greens, blues));
        Graphics2D g = indexed.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 600, 1200);
        g.setColor(Color.BLUE);
        g.fillRect(600, 0, 600, 1200);
        g.dispose();
        assertRedLeftBlueRight(card(Samples.png(indexed)));

        BufferedImage grey = new BufferedImage(1200, 1200, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 1200; y++) for (int x = 0; x < 1200; x++) grey.getRaster().setSample(x, y, 0, x < 600 ? 30 : 230);
        BufferedImage card = card(Samples.png(grey));
        assertTrue(rgb(card, 300, 600)[1] < 50 && rgb(card, 900, 600)[1] > 210);
    }

    @Test
    void alphaIsFlattenedOntoTheSiteColour() {
        BufferedImage img = new BufferedImage(1200, 1200, BufferedImage.TYPE_INT_ARGB); // fully transparent
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 600, 1200);
        g.dispose();
        BufferedImage card = card(Samples.png(img));
        int[] right = rgb(card, 900, 600);
        // the site colour is #1a1a2e
        assertEquals(0x1a, right[0], 4);
        assertEquals(0x1a, right[1], 4);
        assertEquals(0x2e, right[2], 4);
        assertTrue(rgb(card, 300, 600)[0] > 200);
    }

    @Test
    void webpInput() {
        CardSet set = new CardRenderer(Fixtures.SITE, Preset.DEFAULTS).render(Fixtures.article("Coffee"), Fixtures.resource("coffee.webp"));
        assertEquals("webp", set.report().photoFormat());
        assertEquals(600, set.report().photoWidth());
        assertEquals(400, set.report().photoHeight());
        BufferedImage og = Fixtures.decode(set.find("og").orElseThrow().jpeg());
        assertEquals(1200, og.getWidth());
        // the coffee photo is brown-orange: the middle of the card is not grey or black
        int[] mid = rgb(og, 600, 200);
        assertTrue(mid[0] > mid[2] + 20, "warm colours from the WebP: " + Arrays.toString(mid));
    }

    /**
     * A WebP whose canvas (VP8X) disagrees with its image's own size, or which is shorter than its
     * header says, is refused before decoding, as libwebp refuses it: the reader would size its
     * output by a damaged canvas (here 90 MP, under the pixel limit) and decode on, and read on past
     * the end of a cut lossless image, for seconds or minutes.
     */
    @Test
    void webpWhoseSizesDisagreeIsAClearError() {
        byte[] webp = Fixtures.resource("coffee.webp");
        assertNull(WebpSizes.problem(webp), "the intact file's canvas is its image's size");
        byte[] tall = webp.clone();
        int height = 150_000 - 1; // the canvas height, 24 bits little-endian after the VP8X flags and width
        tall[27] = (byte) height;
        tall[28] = (byte) (height >> 8);
        tall[29] = (byte) (height >> 16);
        ArticleException e = assertThrows(ArticleException.class, () -> ONE.render(Fixtures.article("Tall"), tall));
        assertEquals("photo", e.field());
        assertTrue(e.getMessage().contains("the webp data is corrupt: its canvas is 600x150000 but its image is 600x400"), e.getMessage());
        byte[] cut = Arrays.copyOf(webp, 20_000);
        e = assertThrows(ArticleException.class, () -> ONE.render(Fixtures.article("Cut"), cut));
        assertTrue(e.getMessage().contains("the webp file is truncated: its header declares " + webp.length + " bytes, the file has 20000"), e.getMessage());
    }

    /**
     * A progressive JPEG whose last scan repeats 300 times (a few bytes each, each a pass over the
     * whole image) is refused from its markers, before either decoder spends seconds on it.
     */
    @Test
    void progressiveJpegWithHundredsOfScansIsAClearError() {
        byte[] jpeg = JpegEncoder.encode(Samples.solid(2000, 1500, 0x808080), 90); // progressive: 10 scans
        assertEquals(10, JpegDecoder.scanCount(jpeg));
        byte[] repeated = Samples.withLastScanRepeated(jpeg, 300);
        assertEquals(310, JpegDecoder.scanCount(repeated));
        ArticleException e = assertThrows(ArticleException.class, () -> ONE.render(Fixtures.article("Scans"), repeated));
        assertEquals("photo", e.field());
        assertTrue(e.getMessage().contains("the progressive jpeg has 310 scans; more than 256 are refused"), e.getMessage());
        // up to the limit it is a photo like any other
        assertEquals(1, ONE.render(Fixtures.article("Scans"), Samples.withLastScanRepeated(jpeg, 246)).cards().size());
    }

    @Test
    void exifOrientationIsApplied() {
        // stored 1200x600: left half red, right half blue; orientation 6 means turn 90 degrees clockwise
        BufferedImage stored = new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 600, 600);
        g.setColor(Color.BLUE);
        g.fillRect(600, 0, 600, 600);
        g.dispose();
        byte[] jpeg = Samples.withOrientation(Samples.jpeg(stored), 6);
        CardSet set = ONE.render(Fixtures.article("Turned"), jpeg);
        assertEquals(6, set.report().orientation());
        assertEquals(600, set.report().photoWidth());
        assertEquals(1200, set.report().photoHeight());
        // upright it is 600 wide and 1200 tall: red on top, blue below
        BufferedImage card = Fixtures.decode(set.cards().get(0).jpeg());
        int[] top = rgb(card, 600, 100);
        int[] bottom = rgb(card, 600, 1100);
        assertTrue(top[0] > 180 && top[2] < 90, "top is red: " + Arrays.toString(top));
        assertTrue(bottom[2] > 150 && bottom[0] < 90, "bottom is blue: " + Arrays.toString(bottom));
    }

    @Test
    void decompressionBombIsRefusedFromItsHeader() {
        byte[] bomb = Samples.pngHeaderOnly(50_000, 50_000); // 2.5 gigapixels, 45 bytes
        ArticleException e = assertThrows(ArticleException.class, () -> ONE.render(Fixtures.article("Bomb"), bomb));
        assertEquals("photo", e.field());
        assertTrue(e.problem().contains("50000x50000") && e.problem().contains("limit of 100.0 megapixels"), e.problem());
    }

    @Test
    void pixelLimitIsConfigurable() {
        CardRenderer strict = CardRenderer.fromEnv(Fixtures.SITE, List.of(SAME), Map.of("MAX_PHOTO_MEGAPIXELS", "1"));
        byte[] twoMegapixels = Samples.png(Samples.solid(2000, 1000, 0x336699));
        ArticleException e = assertThrows(ArticleException.class, () -> strict.render(Fixtures.article("Big"), twoMegapixels));
        assertTrue(e.problem().contains("limit of 1.0 megapixels"), e.problem());
    }

    @Test
    void largeJpegIsDecodedSubsampledToTwiceThePreset() {
        BufferedImage big = redBlue(BufferedImage.TYPE_INT_RGB);
        BufferedImage large = new BufferedImage(6000, 3200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.drawImage(big, 0, 0, 6000, 3200, null);
        g.dispose();
        CardRenderer og = new CardRenderer(Fixtures.SITE, List.of(Preset.OG));
        CardSet set = og.render(Fixtures.article("Large"), Samples.jpeg(large));
        // og needs 1200x630 of a 6000x3200 photo: 1/5; twice that allows subsampling by 2, not 3
        assertEquals(2, set.report().subsampling());
        assertEquals(6000, set.report().photoWidth());
        BufferedImage card = Fixtures.decode(set.cards().get(0).jpeg());
        assertEquals(1200, card.getWidth());
        assertEquals(630, card.getHeight());
    }

    @Test
    void truncatedPngIsAClearError() {
        byte[] png = Fixtures.resource("chelsea.png");
        byte[] cut = Arrays.copyOf(png, png.length / 3);
        ArticleException e = assertThrows(ArticleException.class, () -> ONE.render(Fixtures.article("Cut"), cut));
        assertEquals("photo", e.field());
        assertEquals("test-article", e.article());
    }
}
