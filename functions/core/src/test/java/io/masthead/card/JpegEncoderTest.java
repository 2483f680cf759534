package io.masthead.card;

import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class JpegEncoderTest {

    @Test
    void bytesInRgbOrderEncodeExactlyAsThePackedImage() throws IOException {
        BufferedImage img = new BufferedImage(333, 217, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(11);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, random.nextInt(1 << 24));
        }
        BufferedImage bytes = JpegEncoder.interleaved(img);
        for (int[] p : new int[][]{{0, 0}, {332, 0}, {17, 101}, {332, 216}}) {
            assertEquals(img.getRGB(p[0], p[1]), bytes.getRGB(p[0], p[1]), "pixel " + p[0] + "," + p[1]);
        }
        assertArrayEquals(jdkWriter(img, 84), JpegEncoder.encode(img, 84));
    }

    /** The JDK's writer given the packed image itself, with the encoder's settings. */
    private static byte[] jdkWriter(BufferedImage img, int quality) throws IOException {
        ImageWriter writer = null;
        for (var it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageWriter")) writer = w;
        }
        assertNotNull(writer, "the JDK's own JPEG writer");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            JPEGImageWriteParam param = new JPEGImageWriteParam(null);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            param.setOptimizeHuffmanTables(true);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
