package io.masthead.card;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class JpegEncoderTest {

    @Test
    void bytesInRgbOrderEncodeExactlyAsThePackedImage() {
        BufferedImage img = new BufferedImage(333, 217, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(11);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, random.nextInt(1 << 24));
        }
        BufferedImage bytes = JpegEncoder.interleaved(img);
        for (int[] p : new int[][]{{0, 0}, {332, 0}, {17, 101}, {332, 216}}) {
            assertEquals(img.getRGB(p[0], p[1]), bytes.getRGB(p[0], p[1]), "pixel " + p[0] + "," + p[1]);
        }
        // the same writer and settings given the packed image itself
        assertArrayEquals(JpegEncoder.write(img, 84), JpegEncoder.encode(img, 84));
    }
}
