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
        assertTrue(diff < 2.5, "mean difference " + diff);
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
        assertTrue(difference(JpegDecoder.decode(baseline, 1), imageio(baseline)) < 2.5);

        BufferedImage grey = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(img, 0, 0, null);
        byte[] greyJpeg = write(grey, true, 0);
        assertTrue(difference(JpegDecoder.decode(greyJpeg, 1), imageio(greyJpeg)) < 1.5);
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

    /** A JPEG from the JDK writer, progressive or baseline with a restart interval (in MCUs). */
    private static byte[] write(BufferedImage img, boolean progressive, int restartInterval) throws Exception {
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
        if (restartInterval > 0) {
            IIOMetadataNode root = (IIOMetadataNode) md.getAsTree("javax_imageio_jpeg_image_1.0");
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
