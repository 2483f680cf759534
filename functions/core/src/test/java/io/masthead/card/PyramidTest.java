package io.masthead.card;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The photo as the JPEG reader gives it (3-byte BGR) makes the same pyramid and crops as its INT_RGB copy. */
class PyramidTest {

    @Test
    void theJpegReadersBytesAreUsedAsTheyAre() throws IOException {
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(Samples.jpeg(noise(1203, 801))));
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, read.getType());
        assertEquals(2, SrgbBytes.red(read));
        assertSamePyramid(read);
        // and the same pixels in R, G, B order
        BufferedImage rgbOrder = SrgbBytes.rgb(read.getWidth(), read.getHeight());
        rgbOrder.getRaster().setRect(read.getRaster());
        assertEquals(0, SrgbBytes.red(rgbOrder));
        assertArrayEquals(pixels(PhotoDecoder.toIntRgb(read, java.awt.Color.BLACK)), pixels(PhotoDecoder.toIntRgb(rgbOrder, java.awt.Color.BLACK)));
        assertSamePyramid(rgbOrder);
        assertArrayEquals(pixels(new Pyramid(read).base()), pixels(new Pyramid(rgbOrder).base()));
    }

    private static void assertSamePyramid(BufferedImage read) {
        Pyramid fromBytes = new Pyramid(read);
        Pyramid fromInts = new Pyramid(PhotoDecoder.toIntRgb(read, java.awt.Color.BLACK));
        fromBytes.prepare(3);
        fromInts.prepare(3);
        // the halvings are identical, pixel for pixel
        assertArrayEquals(pixels(fromInts.atMost(700)), pixels(fromBytes.atMost(700)));
        assertArrayEquals(pixels(fromInts.atMost(200)), pixels(fromBytes.atMost(200)));
        // level 0 itself, asked for as INT_RGB, is converted
        assertArrayEquals(pixels(fromInts.atMost(2000)), pixels(fromBytes.atMost(2000)));
        // and so are the crops scaled from level 0 (a larger crop than half the photo)
        Crop crop = new Crop(101, 57, 1000, 700, "test");
        assertArrayEquals(pixels(fromInts.scaled(crop, 900, 630)), pixels(fromBytes.scaled(crop, 900, 630)));
        Crop exact = new Crop(3, 5, 640, 480, "test");
        assertArrayEquals(pixels(fromInts.scaled(exact, 640, 480)), pixels(fromBytes.scaled(exact, 640, 480)));
    }

    @Test
    void aCropIsResizedAsThumbnailatorResizesItInBandsOnBothCores() {
        BufferedImage photo = noise(1603, 1001);
        Pyramid pyramid = new Pyramid(photo);
        pyramid.prepare(3);
        // one bilinear step (the output at least half the crop); drawn in two bands, the rows at
        // the seam may round the other way, by one level at most
        for (int[] c : new int[][]{{0, 0, 1600, 840, 1200, 630}, {37, 0, 1001, 1001, 1000, 1000}, {5, 3, 1590, 997, 1200, 753}}) {
            Crop crop = new Crop(c[0], c[1], c[2], c[3], "test");
            BufferedImage expected = new BufferedImage(c[4], c[5], BufferedImage.TYPE_INT_RGB);
            net.coobird.thumbnailator.resizers.Resizers.PROGRESSIVE.resize(photo.getSubimage(c[0], c[1], c[2], c[3]), expected);
            int[] scaled = pixels(pyramid.scaled(crop, c[4], c[5]));
            assertWithinOneLevel(pixels(expected), scaled, c[4]);
            assertArrayEquals(scaled, pixels(pyramid.scaled(crop, c[4], c[5])), "the same every time");
        }
        // from the first halving
        BufferedImage expected = new BufferedImage(700, 437, BufferedImage.TYPE_INT_RGB);
        net.coobird.thumbnailator.resizers.Resizers.PROGRESSIVE.resize(Pyramid.halve(photo).getSubimage(0, 0, 800, 500), expected);
        assertWithinOneLevel(pixels(expected), pixels(pyramid.scaled(new Crop(0, 0, 1600, 1000, "test"), 700, 437)), 700);
    }

    private static void assertWithinOneLevel(int[] expected, int[] actual, int width) {
        assertEquals(expected.length, actual.length);
        int differing = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == actual[i]) continue;
            differing++;
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = Math.abs(((expected[i] >> shift) & 0xff) - ((actual[i] >> shift) & 0xff));
                assertTrue(d <= 1, "pixel " + (i % width) + "," + (i / width) + " differs by " + d);
            }
        }
        assertTrue(differing <= 2 * width, differing + " pixels differ: more than a seam's worth");
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_3BYTE_BGR);
        img.setRGB(0, 0, 0x000000);
        img.setRGB(1, 0, 0x0A1420);
        img.setRGB(0, 1, 0x0B1521);
        img.setRGB(1, 1, 0xFFFFFF);
        img.setRGB(2, 0, 0x123456); // the odd column is dropped
        BufferedImage half = Pyramid.halve(img);
        assertEquals(1, half.getWidth());
        assertEquals(1, half.getHeight());
        // rounded means: (0+10+11+255+2)/4 = 69, (0+20+21+255+2)/4 = 74, (0+32+33+255+2)/4 = 80
        assertEquals(0x454A50, half.getRGB(0, 0) & 0xffffff);
    }

    private static BufferedImage noise(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) img.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | random.nextInt(256));
        }
        return img;
    }

    private static int[] pixels(BufferedImage img) {
        assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData().clone();
    }
}
