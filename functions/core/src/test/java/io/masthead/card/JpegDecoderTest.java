package io.masthead.card;

import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The fast JPEG path gives what ImageIO gives, at full and reduced scale, or declines. */
class JpegDecoderTest {

    private static BufferedImage photo() throws Exception {
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(Fixtures.resource("astronaut.png")));
        BufferedImage img = new BufferedImage(1021, 767, BufferedImage.TYPE_INT_RGB); // not a multiple of 8 or 16
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, 1021, 767, null);
        g.dispose();
        return img;
    }

    private static BufferedImage imageio(byte[] jpeg) throws Exception {
        return PhotoDecoder.toIntRgb(ImageIO.read(new ByteArrayInputStream(jpeg)), java.awt.Color.BLACK);
    }

    /** Mean absolute difference per channel over the common area. */
    private static double difference(BufferedImage a, BufferedImage b) {
        int w = Math.min(a.getWidth(), b.getWidth());
        int h = Math.min(a.getHeight(), b.getHeight());
        long sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff)) + Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff))
                        + Math.abs((p & 0xff) - (q & 0xff));
            }
        }
        return sum / (3.0 * w * h);
    }

    @Test
    void progressiveColourMatchesImageIo() throws Exception {
        byte[] jpeg = JpegEncoder.encode(photo(), 90); // progressive, 4:2:0
        assertTrue(JpegDecoder.isProgressive(jpeg));
        BufferedImage mine = JpegDecoder.decode(jpeg, 1);
        BufferedImage ref = imageio(jpeg);
        assertEquals(ref.getWidth(), mine.getWidth());
        assertEquals(ref.getHeight(), mine.getHeight());
        double diff = difference(mine, ref);
        assertTrue(diff < 1, "mean difference " + diff);
    }

    @Test
    void reducedScaleMatchesAFullDecodeHalved() throws Exception {
        byte[] jpeg = JpegEncoder.encode(photo(), 90);
        BufferedImage half = JpegDecoder.decode(jpeg, 2);
        assertEquals(511, half.getWidth());
        assertEquals(384, half.getHeight());
        double diff = difference(half, Pyramid.halve(imageio(jpeg)));
        assertTrue(diff < 3, "mean difference " + diff);
        BufferedImage eighth = JpegDecoder.decode(jpeg, 8);
        assertEquals(128, eighth.getWidth());
        BufferedImage ref = imageio(jpeg);
        for (int i = 0; i < 3; i++) ref = Pyramid.halve(ref);
        assertTrue(difference(eighth, ref) < 4, "1/8: " + difference(eighth, ref));
    }

    @Test
    void baselineWithRestartMarkersAndGreyscale() throws Exception {
        BufferedImage img = photo();
        byte[] baseline = write(img, false, 7);
        assertFalse(JpegDecoder.isProgressive(baseline));
        assertTrue(new String(baseline, java.nio.charset.StandardCharsets.ISO_8859_1).contains("\u00ff\u00d0"), "has RST markers");
        assertTrue(difference(JpegDecoder.decode(baseline, 1), imageio(baseline)) < 1);

        BufferedImage grey = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(img, 0, 0, null);
        byte[] greyJpeg = write(grey, true, 0);
        assertTrue(difference(JpegDecoder.decode(greyJpeg, 1), imageio(greyJpeg)) < 1);
    }

    @Test
    void declinesWhatItDoesNotHandle() {
        byte[] cmyk = Samples.cmykJpeg(64, 64, (x, y) -> 0x00FFFF00, false);
        assertThrows(JpegDecoder.Unsupported.class, () -> JpegDecoder.decode(cmyk, 1));
        byte[] progressive = JpegEncoder.encode(Samples.solid(640, 480, 0x336699), 90);
        byte[] cut = Arrays.copyOf(progressive, progressive.length / 2);
        assertThrows(JpegDecoder.Unsupported.class, () -> JpegDecoder.decode(cut, 1));
        assertThrows(JpegDecoder.Unsupported.class, () -> JpegDecoder.decode("not a jpeg".getBytes(), 1));
    }

    /** Luma sampling factors, chroma being 1x1: 4:4:4, 4:2:2, 4:2:0 and 4:4:0. */
    private static final int[][] SAMPLINGS = {{1, 1}, {2, 1}, {2, 2}, {1, 2}};

    @Test
    void everyScaleSamplingAndModeMatchesImageIo() throws Exception {
        BufferedImage colour = photo().getSubimage(0, 0, 333, 257); // odd, not a multiple of 8 or 16
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(colour, 0, 0, null);
        for (boolean progressive : new boolean[] {false, true}) {
            for (int restart : new int[] {0, 5}) {
                for (int[] sampling : SAMPLINGS) {
                    check(write(colour, progressive, restart, sampling[0], sampling[1]),
                            (progressive ? "progressive" : "baseline") + " restart " + restart + " " + sampling[0] + "x" + sampling[1]);
                }
                check(write(grey, progressive, restart), (progressive ? "progressive" : "baseline") + " restart " + restart + " grey");
            }
        }
    }

    /**
     * Each scale against ImageIO's full decode halved as often: close (the same integer transform
     * and upsampling at 1/1), and the size rounded up.
     */
    private static void check(byte[] jpeg, String what) throws Exception {
        BufferedImage ref = imageio(jpeg);
        double[] tolerance = {0.5, 1.0, 2.0, 2.5};
        for (int i = 0; i < 4; i++) {
            int denominator = 1 << i;
            BufferedImage mine = JpegDecoder.decode(jpeg, denominator);
            assertEquals((333 + denominator - 1) / denominator, mine.getWidth(), what + " 1/" + denominator);
            assertEquals((257 + denominator - 1) / denominator, mine.getHeight(), what + " 1/" + denominator);
            double diff = difference(mine, ref);
            assertTrue(diff < tolerance[i], what + " at 1/" + denominator + ": mean difference " + diff);
            ref = Pyramid.halve(ref);
        }
    }

    @Test
    void sameBytesGiveSamePixels() throws Exception {
        byte[] jpeg = write(photo(), false, 0);
        int[] first = JpegDecoder.decode(jpeg, 1).getRGB(0, 0, 1021, 767, null, 0, 1021);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(first, JpegDecoder.decode(jpeg, 1).getRGB(0, 0, 1021, 767, null, 0, 1021));
        }
    }

    /** Scans shared between two cores give exactly the pixels of one pass through the file, every time. */
    @Test
    void twoCoresGiveThePixelsOfOne() throws Exception {
        BufferedImage photo = photo();
        for (byte[] jpeg : List.of(write(photo, true, 0), write(photo, true, 0, 1, 1), write(photo, false, 0))) {
            for (int denominator : new int[] {1, 2, 8}) {
                BufferedImage one = JpegDecoder.decode(jpeg, denominator, false);
                int w = one.getWidth();
                int h = one.getHeight();
                int[] expected = one.getRGB(0, 0, w, h, null, 0, w);
                for (int i = 0; i < 4; i++) {
                    assertArrayEquals(expected, JpegDecoder.decode(jpeg, denominator, true).getRGB(0, 0, w, h, null, 0, w),
                            "1/" + denominator + ", run " + i);
                }
            }
        }
    }

    /** Damaged files decode to something or are declined, quickly: never another exception, never a hang. */
    @Test
    void damagedFilesAreDeclinedOrDecoded() throws Exception {
        BufferedImage small = photo().getSubimage(100, 100, 61, 45);
        byte[][] sources = {write(small, false, 2, 2, 2), write(small, true, 3, 2, 1), JpegEncoder.encode(small, 80)};
        java.util.Random random = new java.util.Random(20261129);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 3000; i++) {
                byte[] source = sources[i % sources.length];
                byte[] damaged = i % 10 == 0
                        ? Arrays.copyOf(source, 2 + random.nextInt(source.length - 2))
                        : source.clone();
                for (int n = 1 + random.nextInt(3); i % 10 != 0 && n > 0; n--) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                try {
                    BufferedImage img = JpegDecoder.decode(damaged, 1 << (i % 4));
                    assertTrue(img.getWidth() > 0 && img.getHeight() > 0);
                } catch (JpegDecoder.Unsupported expected) {
                    // declined: ImageIO gives the verdict
                }
            }
        });
    }

    /**
     * Scans counted from the markers alone: one for a baseline file, with or without restart
     * markers in its data; for a progressive one, the scans of libjpeg's standard progression
     * (jpeg_simple_progression: 10 for YCbCr, 6 for grey), which the JDK's writer uses.
     */
    @Test
    void scanCountIsCountedFromTheMarkers() throws Exception {
        BufferedImage colour = photo();
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.createGraphics().drawImage(colour, 0, 0, null);
        assertEquals(1, JpegDecoder.scanCount(write(colour, false, 0)));
        assertEquals(1, JpegDecoder.scanCount(write(colour, false, 5)));
        assertEquals(10, JpegDecoder.scanCount(write(colour, true, 0)));
        assertEquals(10, JpegDecoder.scanCount(write(colour, true, 3)));
        assertEquals(6, JpegDecoder.scanCount(write(grey, true, 0)));
        assertEquals(10, JpegDecoder.scanCount(JpegEncoder.encode(colour, 80)));
        assertEquals(0, JpegDecoder.scanCount(new byte[] {(byte) 0xFF, (byte) 0xD8}));
    }

    /**
     * A progressive image holds all its coefficients: beyond the heap it may take, it is declined
     * for ImageIO (libjpeg holds them outside the heap). A baseline one streams, so it never is.
     */
    @Test
    void anImageWhoseCoefficientsWouldNotFitIsDeclined() throws Exception {
        BufferedImage colour = photo(); // 4:2:0
        long blocks = (long) ((colour.getWidth() + 15) / 16) * ((colour.getHeight() + 15) / 16) * 6;
        long need = blocks * 129 + (long) colour.getWidth() * colour.getHeight() * 4;
        byte[] progressive = write(colour, true, 0);
        JpegDecoder.Unsupported declined = assertThrows(JpegDecoder.Unsupported.class,
                () -> JpegDecoder.decode(progressive, 1, true, need - 1));
        assertTrue(declined.getMessage().contains("coefficients and pixels would take " + (need >> 20) + " MB of heap"), declined.getMessage());
        assertEquals(colour.getWidth(), JpegDecoder.decode(progressive, 1, true, need).getWidth());
        assertEquals((colour.getWidth() + 1) / 2, JpegDecoder.decode(write(colour, false, 0), 2, true, 1).getWidth());
    }

    @Test
    void truncatedBaselineIsDeclined() throws Exception {
        byte[] baseline = write(photo(), false, 0);
        for (int cut : new int[] {baseline.length - 2, baseline.length / 2, 700}) {
            byte[] part = Arrays.copyOf(baseline, cut);
            assertThrows(JpegDecoder.Unsupported.class, () -> JpegDecoder.decode(part, 2), "cut at " + cut);
        }
    }

    /** PhotoDecoder sends a baseline photo needed at a quarter here, and a damaged one on to ImageIO's verdict. */
    @Test
    void photoDecoderUsesThisDecoderForAQuarterBaseline() throws Exception {
        byte[] baseline = write(photo(), false, 0);
        PhotoDecoder photos = new PhotoDecoder(50_000_000L);
        PhotoDecoder.Decoded quarter = photos.decode("quarter", baseline, (w, h) -> 0.125, java.awt.Color.BLACK);
        assertEquals(4, quarter.subsampling());
        assertEquals(256, quarter.image().getWidth());
        assertTrue(difference(quarter.image(), JpegDecoder.decode(baseline, 4)) == 0, "decoded here");
        byte[] cut = Arrays.copyOf(baseline, baseline.length / 2);
        var e = assertThrows(io.masthead.article.ArticleException.class,
                () -> photos.decode("cut", cut, (w, h) -> 0.125, java.awt.Color.BLACK));
        assertTrue(e.getMessage().contains("corrupt or truncated"), e.getMessage());
    }

    /**
     * Whether a decode keeps both cores busy is known from the markers alone, and it is this
     * decoder that then runs: for an upright photo it gives INT_RGB, where ImageIO's reader gives
     * 3-byte pixels. On one core no decode does.
     */
    @Test
    void whetherADecodeKeepsBothCoresBusyIsKnownBeforeIt() throws Exception {
        boolean twoCores = Runtime.getRuntime().availableProcessors() > 1;
        byte[] baseline = write(photo(), false, 0);
        PhotoDecoder.CoverNeed half = (w, h) -> 0.25;
        PhotoDecoder.CoverNeed whole = (w, h) -> 1.0;
        record Case(String name, byte[] bytes, PhotoDecoder.CoverNeed need, boolean bothCores, boolean upright) {
        }
        PhotoDecoder photos = new PhotoDecoder(50_000_000L);
        for (Case c : List.of(
                new Case("baseline at half size", baseline, half, twoCores, true),
                new Case("baseline at full size", baseline, whole, false, true),
                new Case("progressive", write(photo(), true, 0), whole, twoCores, true),
                new Case("PNG", Samples.png(photo()), half, false, true),
                new Case("baseline turned by EXIF", Samples.withOrientation(baseline, 6), half, twoCores, false))) {
            assertEquals(c.bothCores(), photos.decodesOnBothCores(c.bytes(), c.need()), c.name());
            BufferedImage decoded = photos.decode("photo", c.bytes(), c.need(), java.awt.Color.BLACK).image();
            if (twoCores && c.upright()) assertEquals(c.bothCores(), decoded.getType() == BufferedImage.TYPE_INT_RGB, c.name());
        }
    }

    /** A plain JPEG that ImageIO decodes comes back in the bytes the reader decodes rows to, R, G, B: the reader's pixels. */
    @Test
    void photoDecoderReadsAPlainJpegIntoTheReadersByteOrder() throws Exception {
        byte[] baseline = write(photo(), false, 0);
        PhotoDecoder.Decoded whole = new PhotoDecoder(50_000_000L).decode("whole", baseline, (w, h) -> 1.0, java.awt.Color.BLACK);
        assertEquals(1, whole.subsampling());
        assertEquals(0, SrgbBytes.red(whole.image()));
        BufferedImage reader = ImageIO.read(new ByteArrayInputStream(baseline));
        assertEquals(0, difference(PhotoDecoder.toIntRgb(reader, java.awt.Color.BLACK), PhotoDecoder.toIntRgb(whole.image(), java.awt.Color.BLACK)));

        // a greyscale one is expanded to the same bytes by the reader
        BufferedImage grey = new BufferedImage(301, 203, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(photo(), 0, 0, null);
        byte[] greyJpeg = Samples.jpeg(grey);
        BufferedImage decoded = new PhotoDecoder(50_000_000L).decode("grey", greyJpeg, (w, h) -> 1.0, java.awt.Color.BLACK).image();
        assertEquals(0, SrgbBytes.red(decoded));
        BufferedImage greyRead = ImageIO.read(new ByteArrayInputStream(greyJpeg));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, greyRead.getType());
        for (int[] p : new int[][]{{0, 0}, {150, 100}, {300, 202}, {77, 33}}) {
            int v = greyRead.getRaster().getSample(p[0], p[1], 0);
            assertEquals(v << 16 | v << 8 | v, decoded.getRGB(p[0], p[1]) & 0xffffff, "pixel " + p[0] + "," + p[1]);
        }
    }

    private static byte[] write(BufferedImage img, boolean progressive, int restartInterval) throws Exception {
        return write(img, progressive, restartInterval, 2, 2);
    }

    /**
     * A JPEG from the JDK writer, progressive or baseline with a restart interval (in MCUs),
     * the luma sampled h x v times as often as the chroma.
     */
    private static byte[] write(BufferedImage img, boolean progressive, int restartInterval, int h, int v) throws Exception {
        ImageWriter writer = null;
        for (var it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun")) writer = w;
        }
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        if (progressive) param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        IIOMetadataNode root = (IIOMetadataNode) md.getAsTree("javax_imageio_jpeg_image_1.0");
        IIOMetadataNode luma = (IIOMetadataNode) root.getElementsByTagName("componentSpec").item(0);
        luma.setAttribute("HsamplingFactor", String.valueOf(h));
        luma.setAttribute("VsamplingFactor", String.valueOf(v));
        md.setFromTree("javax_imageio_jpeg_image_1.0", root);
        if (restartInterval > 0) {
            root = (IIOMetadataNode) md.getAsTree("javax_imageio_jpeg_image_1.0");
            IIOMetadataNode seq = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", String.valueOf(restartInterval));
            seq.insertBefore(dri, seq.getFirstChild());
            md.setFromTree("javax_imageio_jpeg_image_1.0", root);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, md), param);
        }
        writer.dispose();
        return bytes.toByteArray();
    }
}
