package io.masthead.card;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntBinaryOperator;
import java.util.zip.CRC32;

/** Builds test photos of every kind a newsroom sends, in the tests themselves. */
final class Samples {
    private Samples() {
    }

    static byte[] png(BufferedImage img) {
        return write(img, "png");
    }

    static byte[] jpeg(BufferedImage img) {
        return write(img, "jpeg");
    }

    private static byte[] write(BufferedImage img, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A four-channel JPEG as agencies send them: Adobe-style inverted CMYK, or YCCK when
     * {@code ycck}. {@code cmyk(x, y)} gives the ink at a pixel as 0xCCMMYYKK (0 none, 255 full).
     */
    static byte[] cmykJpeg(int w, int h, IntBinaryOperator cmyk, boolean ycck) {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = cmyk.applyAsInt(x, y);
                // Adobe stores ink inverted: 255 means no ink
                int c = 255 - ((v >>> 24) & 0xff);
                int m = 255 - ((v >> 16) & 0xff);
                int ye = 255 - ((v >> 8) & 0xff);
                int k = 255 - (v & 0xff);
                if (ycck) {
                    // what libjpeg does for YCCK: R = 255 - C' and so on, then JFIF YCbCr; K kept
                    double rr = 255 - c;
                    double gg = 255 - m;
                    double bb = 255 - ye;
                    double yy = 0.299 * rr + 0.587 * gg + 0.114 * bb;
                    double cb = 128 - 0.168736 * rr - 0.331264 * gg + 0.5 * bb;
                    double cr = 128 + 0.5 * rr - 0.418688 * gg - 0.081312 * bb;
                    r.setPixel(x, y, new int[] {clamp(yy), clamp(cb), clamp(cr), k});
                } else {
                    r.setPixel(x, y, new int[] {c, m, ye, k});
                }
            }
        }
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            for (var it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
                ImageWriter candidate = it.next();
                if (candidate.getClass().getName().startsWith("com.sun")) writer = candidate;
            }
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.98f);
            IIOMetadata md = writer.getDefaultImageMetadata(new ImageTypeSpecifier(new BufferedImage(1, 1, BufferedImage.TYPE_4BYTE_ABGR)), param);
            IIOMetadataNode root = (IIOMetadataNode) md.getAsTree("javax_imageio_jpeg_image_1.0");
            IIOMetadataNode variety = (IIOMetadataNode) root.getElementsByTagName("JPEGvariety").item(0);
            while (variety.hasChildNodes()) variety.removeChild(variety.getFirstChild());
            // full-resolution channels: the raw samples are stored as given
            var specs = root.getElementsByTagName("componentSpec");
            for (int i = 0; i < specs.getLength(); i++) {
                ((IIOMetadataNode) specs.item(i)).setAttribute("HsamplingFactor", "1");
                ((IIOMetadataNode) specs.item(i)).setAttribute("VsamplingFactor", "1");
            }
            md.setFromTree("javax_imageio_jpeg_image_1.0", root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(r, null, md), param);
            writer.dispose();
            out.flush();
            return withAdobeMarker(bytes.toByteArray(), ycck ? 2 : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Inserts an APP14 "Adobe" segment (colour transform 0: CMYK, 2: YCCK) after SOI. */
    static byte[] withAdobeMarker(byte[] jpeg, int transform) {
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        return splice(jpeg, app14);
    }

    /** Inserts an EXIF APP1 segment with only an orientation tag after SOI. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer b = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
        b.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (b.capacity() - 2));
        b.put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8); // big-endian TIFF, IFD at 8
        b.putShort((short) 1); // one entry
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0); // no next IFD
        return splice(jpeg, b.array());
    }

    private static byte[] splice(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    /** A PNG that is only a header claiming {@code w x h} pixels: a decompression bomb's first bytes. */
    static byte[] pngHeaderOnly(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        b.putInt(13).put(ihdr.array()).putInt(crc(ihdr.array()));
        byte[] iend = "IEND".getBytes(StandardCharsets.US_ASCII);
        b.putInt(0).put(iend).putInt(crc(iend));
        return b.array();
    }

    private static int crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return (int) c.getValue();
    }

    /** A photo of uniform colour. */
    /**
     * The JPEG with its last scan (header and entropy-coded data) repeated {@code times} more
     * times before EOI: a progressive file that makes a decoder pass over the whole image again
     * for each copy, a few bytes each.
     */
    static byte[] withLastScanRepeated(byte[] jpeg, int times) {
        int lastScan = -1;
        int p = 2;
        while (true) {
            int marker = jpeg[p + 1] & 0xff;
            if (marker == 0xD9) break;
            int length = (jpeg[p + 2] & 0xff) << 8 | (jpeg[p + 3] & 0xff);
            if (marker == 0xDA) lastScan = p;
            p += 2 + length;
            if (marker == 0xDA) {
                while (!((jpeg[p] & 0xff) == 0xFF && jpeg[p + 1] != 0 && ((jpeg[p + 1] & 0xff) < 0xD0 || (jpeg[p + 1] & 0xff) > 0xD7))) p++;
            }
        }
        byte[] scan = Arrays.copyOfRange(jpeg, lastScan, p);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, p);
        for (int i = 0; i < times; i++) out.writeBytes(scan);
        out.write(jpeg, p, jpeg.length - p);
        return out.toByteArray();
    }

    static BufferedImage solid(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, rgb);
        return img;
    }
}
