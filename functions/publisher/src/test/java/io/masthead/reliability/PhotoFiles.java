package io.masthead.reliability;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Photos made by the tests, good and bad, so every case says exactly what its bytes are. */
final class PhotoFiles {
    private PhotoFiles() {
    }

    /** A plain JPEG with a gradient, so crops and encodes do real work. */
    static byte[] jpeg(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        java.util.Random r = new java.util.Random(seed);
        g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xffffff)), w, h, new Color(r.nextInt(0xffffff))));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(r.nextInt(0xffffff)));
        g.fillOval(w / 3, h / 4, w / 3, h / 2);
        g.dispose();
        return encode(img, "jpg");
    }

    static byte[] png(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return encode(img, "png");
    }

    static byte[] truncated(byte[] image, double keep) {
        return Arrays.copyOf(image, (int) (image.length * keep));
    }

    /**
     * A decompression bomb: a {@code w x h} 8-bit grey PNG whose IDAT is the deflate of all-zero
     * scanlines, written row by row so the pixels are never held in memory.
     */
    static byte[] pngBomb(int w, int h) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(ihdr);
            d.writeInt(w);
            d.writeInt(h);
            d.write(new byte[]{8, 0, 0, 0, 0}); // 8-bit greyscale, deflate, adaptive filter, no interlace
            chunk(out, "IHDR", ihdr.toByteArray());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] row = new byte[w + 1]; // filter byte 0 and w zero pixels
                for (int y = 0; y < h; y++) z.write(row);
            } finally {
                deflater.end();
            }
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /**
     * A lossless WebP's container: a VP8X canvas of {@code canvasW x canvasH} and a VP8L chunk whose
     * header gives the image's own {@code w x h}, then 2 KB of filler. Its sizes are checked before
     * any decoding, so the bitstream itself need not be real.
     */
    static byte[] webpLossless(int canvasW, int canvasH, int w, int h) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        int cw = canvasW - 1;
        int ch = canvasH - 1;
        riffChunk(chunks, "VP8X", new byte[]{0, 0, 0, 0, (byte) cw, (byte) (cw >> 8), (byte) (cw >> 16), (byte) ch, (byte) (ch >> 8), (byte) (ch >> 16)});
        long bits = (w - 1) | (long) (h - 1) << 14;
        byte[] vp8l = new byte[2048];
        vp8l[0] = 0x2f;
        for (int i = 0; i < 4; i++) vp8l[1 + i] = (byte) (bits >> (8 * i));
        riffChunk(chunks, "VP8L", vp8l);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(4 + chunks.size()));
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunks.toByteArray());
        return out.toByteArray();
    }

    private static void riffChunk(ByteArrayOutputStream out, String fourCc, byte[] data) {
        out.writeBytes(fourCc.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(data.length));
        out.writeBytes(data);
        if (data.length % 2 == 1) out.write(0);
    }

    private static byte[] le32(int v) {
        return new byte[]{(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    /** A two-frame animated GIF written with ImageIO's GIF writer. */
    static byte[] animatedGif() {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                for (Color c : new Color[]{Color.RED, Color.BLUE}) {
                    BufferedImage frame = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = frame.createGraphics();
                    g.setColor(c);
                    g.fillRect(0, 0, 640, 360);
                    g.dispose();
                    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                    String format = meta.getNativeMetadataFormatName();
                    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                    IIOMetadataNode gce = new IIOMetadataNode("GraphicControlExtension");
                    gce.setAttribute("disposalMethod", "none");
                    gce.setAttribute("userInputFlag", "FALSE");
                    gce.setAttribute("transparentColorFlag", "FALSE");
                    gce.setAttribute("delayTime", "50");
                    gce.setAttribute("transparentColorIndex", "0");
                    root.appendChild(gce);
                    meta.setFromTree(format, root);
                    writer.writeToSequence(new IIOImage(frame, null, meta), null);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] svg() {
        return ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\">"
                + "<script>fetch('http://169.254.169.254/latest/meta-data/')</script>"
                + "<rect width=\"1200\" height=\"630\" fill=\"red\"/></svg>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A JPEG with an APP2 ICC_PROFILE segment whose profile is garbage. */
    static byte[] jpegWithCorruptIcc(byte[] jpeg) {
        byte[] profile = new byte[600];
        Arrays.fill(profile, (byte) 0x5a);
        profile[0] = 0; profile[1] = 0; profile[2] = 0x02; profile[3] = 0x58; // claims 600 bytes
        ByteArrayOutputStream seg = new ByteArrayOutputStream();
        seg.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        seg.write(1);
        seg.write(1);
        seg.writeBytes(profile);
        return insertSegment(jpeg, 0xE2, seg.toByteArray());
    }

    /** A JPEG with an APP1 Exif segment whose IFD offsets point far outside it and whose orientation is 99. */
    static byte[] jpegWithBogusExif(byte[] jpeg) {
        ByteArrayOutputStream seg = new ByteArrayOutputStream();
        seg.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        seg.writeBytes(new byte[]{'M', 'M', 0, 42, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0}); // IFD at 2 GB
        seg.writeBytes(new byte[]{0, 2, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 99, 0, 0}); // orientation 99
        seg.writeBytes(new byte[]{(byte) 0x87, 0x69, 0, 4, 0, 0, 0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x00});
        return insertSegment(jpeg, 0xE1, seg.toByteArray());
    }

    /** Inserts a marker segment right after SOI. */
    private static byte[] insertSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        int len = payload.length + 2;
        out.write(len >> 8);
        out.write(len & 0xff);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
