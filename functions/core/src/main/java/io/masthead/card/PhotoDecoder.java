package io.masthead.card;

import io.masthead.article.ArticleException;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Decodes a photo once for every preset: reads the dimensions first and refuses more pixels than
 * the limit before allocating anything, decodes with source subsampling down to no less than
 * twice what the largest preset needs, flattens alpha onto the card colour, converts to sRGB
 * (TYPE_INT_RGB, or 3-byte pixels as the JPEG reader gives them: {@link SrgbBytes}) and applies the EXIF
 * orientation. Thread-safe: a reader per call.
 */
final class PhotoDecoder {
    static {
        // registers the TwelveMonkeys readers (CMYK/YCCK JPEG, WebP) found on the class path
        ImageIO.scanForPlugins();
    }

    private static final java.util.Set<String> SUPPORTED = java.util.Set.of("jpeg", "jpg", "png", "webp");
    private static final String JDK_JPEG_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";
    /** More scans than this in a progressive JPEG is a denial of service, not a photo (JpegDecoder.scanCount). */
    static final int MAX_SCANS = 256;
    /** Above this many decoded pixels, plain JPEGs are decoded directly into INT_RGB to halve peak memory. */
    private static final long DIRECT_INT_RGB_PIXELS = 24_000_000L;
    private final long pixelLimit;

    PhotoDecoder(long pixelLimit) {
        if (pixelLimit < 1) throw new IllegalArgumentException("pixel limit must be positive, was " + pixelLimit);
        this.pixelLimit = pixelLimit;
    }

    /** The decoded, upright sRGB photo (TYPE_INT_RGB or {@link SrgbBytes}) and how it was read. */
    record Decoded(BufferedImage image, String format, int width, int height, int subsampling, int orientation) {
    }

    /**
     * @param need   the largest width and height any preset needs when covering the photo:
     *               {@code need(w, h)} gives the scale factor at which the oriented photo covers every preset
     * @param matte  colour transparent pixels are flattened onto
     */
    Decoded decode(String slug, byte[] bytes, CoverNeed need, Color matte) {
        if (bytes == null || bytes.length == 0) throw problem(slug, "the photo file is empty");
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw problem(slug, "not a supported image (JPEG, PNG or WebP expected)");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!SUPPORTED.contains(format)) {
                    // ImageIO also reads GIF, BMP, TIFF and WBMP (which matches almost any bytes): refuse them by name.
                    throw problem(slug, "not a supported image (" + format + "); JPEG, PNG or WebP expected");
                }
                int w;
                int h;
                try {
                    w = reader.getWidth(0);
                    h = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw problem(slug, "cannot read the " + format + " header: " + e.getMessage(), e);
                }
                if (w < 1 || h < 1) throw problem(slug, "the image has no pixels (" + w + "x" + h + ")");
                String webpProblem = format.equals("webp") ? WebpSizes.problem(bytes) : null;
                if (webpProblem != null) throw problem(slug, webpProblem);
                long pixels = (long) w * h;
                if (pixels > pixelLimit) {
                    throw problem(slug, String.format(Locale.ROOT,
                            "the image is %dx%d = %.1f megapixels, more than the limit of %.1f megapixels",
                            w, h, pixels / 1e6, pixelLimit / 1e6));
                }
                int orientation = format.equals("jpeg") ? Orientation.of(bytes) : 1;
                boolean swap = Orientation.swapsAxes(orientation);
                int ow = swap ? h : w;
                int oh = swap ? w : h;
                int sub = subsampling(ow, oh, need);
                JpegDecoder.Header jpeg = format.equals("jpeg") ? JpegDecoder.header(bytes) : null;
                if (jpeg != null && jpeg.progressive()) {
                    int scans = JpegDecoder.scanCount(bytes);
                    if (scans > MAX_SCANS) {
                        throw problem(slug, "the progressive jpeg has " + scans + " scans; more than " + MAX_SCANS
                                + " are refused, as each is a pass over the whole image (a photo has about 10)");
                    }
                }
                if (jpeg != null && decodesFast(jpeg, sub)) {
                    // Where this decoder beats ImageIO (the JDK's libjpeg): measured on the 18 MP photos of
                    // docs/benchmarks.md, medians in one JVM on a 2-core machine: progressive at 1/2 about
                    // 500 ms against 1290 ms (scans on both cores); baseline at 1/2 115-155 ms against 155-185 ms with a
                    // second core for its pixel thread (200 ms against 170 ms on one core), at 1/4 120 ms
                    // against 170 ms (ImageIO decodes every pixel before subsampling). Baseline at 1/1
                    // stays with ImageIO (320-370 ms against 180-205 ms). What this decoder declines
                    // goes to ImageIO, which gives the verdict.
                    int denominator = sub >= 8 ? 8 : sub >= 4 ? 4 : sub >= 2 ? 2 : 1;
                    try {
                        BufferedImage fast = JpegDecoder.decode(bytes, denominator);
                        return new Decoded(Orientation.apply(fast, orientation), format, ow, oh, denominator, orientation);
                    } catch (JpegDecoder.Unsupported e) {
                        // damaged or unusual: ImageIO gives the verdict below
                    }
                }
                long decodedPixels = ((long) (ow + sub - 1) / sub) * ((oh + sub - 1) / sub);
                boolean intoIntRgb = false;
                if (jpeg != null && jpeg.plain() && !jpeg.progressive() && decodedPixels > DIRECT_INT_RGB_PIXELS) {
                    // a very large plain JPEG: the JDK's reader decodes straight into INT_RGB, so the
                    // decoded bytes and their INT_RGB copy are never both in memory (50 MP in 512 MB);
                    // smaller ones decode a little faster to bytes and are converted after
                    ImageReader jdk = jdkJpegReader();
                    if (jdk != null) {
                        reader.dispose();
                        reader = jdk;
                        in.seek(0);
                        reader.setInput(in, true, true);
                        intoIntRgb = true;
                    }
                }
                ImageReadParam param = reader.getDefaultReadParam();
                if (sub > 1) param.setSourceSubsampling(sub, sub, 0, 0);
                int dw = (ow + sub - 1) / sub;
                int dh = (oh + sub - 1) / sub;
                if (intoIntRgb) {
                    param.setDestination(new BufferedImage(swap ? dh : dw, swap ? dw : dh, BufferedImage.TYPE_INT_RGB));
                } else if (jpeg != null && jpeg.plain()) {
                    // bytes in the order the reader decodes rows in, so it copies them as they are (SrgbBytes)
                    param.setDestination(SrgbBytes.rgb(swap ? dh : dw, swap ? dw : dh));
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                    @Override
                    public void warningOccurred(ImageReader source, String warning) {
                        warnings.add(warning);
                    }
                });
                BufferedImage image;
                try {
                    image = reader.read(0, param);
                } catch (IIOException e) {
                    throw problem(slug, "the " + format + " data is corrupt or truncated: " + e.getMessage(), e);
                } catch (IOException | RuntimeException e) {
                    throw problem(slug, "cannot decode the " + format + " image: " + e.getMessage(), e);
                }
                for (String warning : warnings) {
                    String lower = warning.toLowerCase(Locale.ROOT);
                    if (lower.contains("premature end") || lower.contains("corrupt") || lower.contains("truncat")) {
                        throw problem(slug, "the " + format + " data is corrupt or truncated: " + warning);
                    }
                }
                // an upright sRGB photo straight from the JPEG reader is kept as it is: copying it to
                // INT_RGB would put a second full-size image (72 MB at 18 MP) in fresh memory
                BufferedImage upright = orientation <= 1 && SrgbBytes.red(image) >= 0
                        ? image : Orientation.apply(toIntRgb(image, matte), orientation);
                return new Decoded(upright, format, ow, oh, sub, orientation);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw problem(slug, "cannot read the photo: " + e.getMessage(), e);
        }
    }

    /**
     * Whether decoding these bytes will keep both cores busy (JpegDecoder on a machine with two),
     * rather than one (ImageIO): work that can wait for the photo is best done alongside a
     * one-core decode, and after a two-core one. Reads only the JPEG's markers.
     */
    boolean decodesOnBothCores(byte[] bytes, CoverNeed need) {
        if (Runtime.getRuntime().availableProcessors() < 2) return false;
        JpegDecoder.Header jpeg = JpegDecoder.header(bytes);
        if (jpeg.width() < 1 || jpeg.height() < 1) return false;
        boolean swap = Orientation.swapsAxes(Orientation.of(bytes));
        return decodesFast(jpeg, subsampling(swap ? jpeg.height() : jpeg.width(), swap ? jpeg.width() : jpeg.height(), need));
    }

    /** Whether JpegDecoder decodes this JPEG at this subsampling (ImageIO decodes the rest, see decode). */
    private static boolean decodesFast(JpegDecoder.Header jpeg, int sub) {
        return jpeg.plain() && (jpeg.progressive() || sub >= baselineSubsampling());
    }

    /** From which subsampling a plain baseline JPEG decodes faster with JpegDecoder than with ImageIO (see decode). */
    private static int baselineSubsampling() {
        return Runtime.getRuntime().availableProcessors() > 1 ? 2 : 4;
    }

    private static ImageReader jdkJpegReader() {
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext(); ) {
            ImageReader r = it.next();
            if (r.getClass().getName().equals(JDK_JPEG_READER)) return r;
        }
        return null;
    }

    /** The largest subsampling that keeps at least twice the pixels the most demanding preset needs. */
    static int subsampling(int w, int h, CoverNeed need) {
        double scale = need.scale(w, h); // the preset-covering scale, <= 1 when the photo is large
        int s = (int) Math.floor(1.0 / (2.0 * scale));
        return Math.max(1, s);
    }

    /** Given an upright photo's size, the largest scale any preset needs to cover it. */
    interface CoverNeed {
        double scale(int w, int h);
    }

    /** The photo as TYPE_INT_RGB in sRGB, alpha flattened onto the matte; the same image when it already is. */
    static BufferedImage toIntRgb(BufferedImage image, Color matte) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getColorModel().getColorSpace().isCS_sRGB()) return image;
        int w = image.getWidth();
        int h = image.getHeight();
        if (SrgbBytes.red(image) >= 0) {
            // what JPEG decoding gives: a straight copy, far faster than a generic drawImage
            return SrgbBytes.toIntRgb(image, 0, 0, w, h);
        }
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ColorSpace cs = image.getColorModel().getColorSpace();
        BufferedImage source = image;
        if (!cs.isCS_sRGB() && cs.getType() != ColorSpace.TYPE_GRAY && !(image.getColorModel() instanceof IndexColorModel)) {
            // an embedded profile other than sRGB (Adobe RGB, a CMYK press profile, ...): convert colours, not just numbers
            source = new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), null)
                    .filter(image, new BufferedImage(w, h, image.getColorModel().hasAlpha()
                            ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB));
        }
        Graphics2D g = rgb.createGraphics();
        try {
            if (source.getColorModel().hasAlpha()) {
                g.setColor(matte);
                g.fillRect(0, 0, w, h);
            }
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static ArticleException problem(String slug, String text) {
        return new ArticleException(slug, "photo", text);
    }

    private static ArticleException problem(String slug, String text, Throwable cause) {
        return new ArticleException(slug, "photo", text, cause);
    }
}
