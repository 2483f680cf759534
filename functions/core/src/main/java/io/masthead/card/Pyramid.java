package io.masthead.card;

import net.coobird.thumbnailator.resizers.BilinearResizer;
import net.coobird.thumbnailator.resizers.Resizers;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The decoded photo (TYPE_INT_RGB or {@link SrgbBytes}) and its successive halvings (2x2 box
 * average, TYPE_INT_RGB), shared by every preset of a render: each preset crops from the
 * smallest level that still has at least its pixels and finishes with Thumbnailator's quality
 * resizer, so no preset reads the full photo.
 * Levels are built up-front ({@link #prepare}), so reading them from several threads is safe.
 */
final class Pyramid {
    private final List<BufferedImage> levels = new ArrayList<>();

    Pyramid(BufferedImage base) {
        levels.add(base);
    }

    int width() {
        return levels.get(0).getWidth();
    }

    int height() {
        return levels.get(0).getHeight();
    }

    /** The photo itself as TYPE_INT_RGB (a copy when it is held as bytes). */
    BufferedImage base() {
        return PhotoDecoder.toIntRgb(levels.get(0), java.awt.Color.BLACK);
    }

    /** The level a crop of {@code cropW} pixels (at level 0) needs to make {@code w} pixels: halved while still at least w. */
    static int levelFor(int cropW, int cropH, int w, int h) {
        int k = 0;
        while (cropW >> (k + 1) >= w && cropH >> (k + 1) >= h) k++;
        return k;
    }

    /** The first level whose longer side is at most {@code maxSide} (or the smallest there is), as TYPE_INT_RGB. */
    BufferedImage atMost(int maxSide) {
        int k = 0;
        while (Math.max(width() >> k, height() >> k) > maxSide && Math.min(width() >> k, height() >> k) >= 32) k++;
        prepare(k);
        BufferedImage level = levels.get(Math.min(k, levels.size() - 1));
        return level.getType() == BufferedImage.TYPE_INT_RGB ? level : PhotoDecoder.toIntRgb(level, java.awt.Color.BLACK);
    }

    /** Builds levels up to k. */
    void prepare(int k) {
        while (levels.size() <= k) {
            BufferedImage last = levels.get(levels.size() - 1);
            if (last.getWidth() < 2 || last.getHeight() < 2) break;
            levels.add(halve(last));
        }
    }

    /** The crop (level-0 coordinates) scaled to w x h. */
    BufferedImage scaled(Crop crop, int w, int h) {
        int k = Math.min(levelFor(crop.width(), crop.height(), w, h), levels.size() - 1);
        BufferedImage level = levels.get(k);
        int x = crop.x() >> k;
        int y = crop.y() >> k;
        int cw = Math.max(1, Math.min(level.getWidth() - x, crop.width() >> k));
        int ch = Math.max(1, Math.min(level.getHeight() - y, crop.height() >> k));
        // the photo's own bytes are copied to INT_RGB first: Java2D resizes that on its fast path
        // whichever order the bytes are in (SrgbBytes)
        BufferedImage region = SrgbBytes.red(level) >= 0
                ? SrgbBytes.toIntRgb(level, x, y, cw, ch) : level.getSubimage(x, y, cw, ch);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        if (cw == w && ch == h) {
            out.getRaster().setRect(region.getRaster().createTranslatedChild(0, 0));
        } else if (cw >= w && cw <= 2 * w && ch <= 2 * h) {
            // within twice the output, as levelFor leaves it, Thumbnailator's progressive resizer
            // takes a single bilinear step: the same step, drawn in bands on both cores (the row
            // at a seam may round by one level the other way; the bands are fixed, so the bytes are too)
            IntStream.range(0, BANDS).parallel().forEach(band ->
                    new BandResizer(band * h / BANDS, (band + 1) * h / BANDS).resize(region, out));
        } else if (cw >= w) {
            Resizers.PROGRESSIVE.resize(region, out);
        } else {
            Resizers.BICUBIC.resize(region, out);
        }
        return out;
    }

    /** Bands a crop is resized in, one a core. */
    private static final int BANDS = 2;

    /** Thumbnailator's bilinear resizer, drawing only the output rows from {@code top} to {@code bottom}. */
    private static final class BandResizer extends BilinearResizer {
        private final int top;
        private final int bottom;

        BandResizer(int top, int bottom) {
            this.top = top;
            this.bottom = bottom;
        }

        @Override
        protected Graphics2D createGraphics(BufferedImage img) {
            Graphics2D g = super.createGraphics(img);
            g.clipRect(0, top, img.getWidth(), bottom - top);
            return g;
        }
    }

    /**
     * Half the size as TYPE_INT_RGB, each pixel the rounded mean of a 2x2 block; rows are shared
     * among the cores. The source is TYPE_INT_RGB or, for the decoded photo, {@link SrgbBytes}.
     */
    static BufferedImage halve(BufferedImage src) {
        int sw = src.getWidth();
        int w = sw / 2;
        int h = src.getHeight() / 2;
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] d = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
        int red = SrgbBytes.red(src);
        if (red >= 0) {
            byte[] s = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
            int blue = 2 - red;
            IntStream.range(0, h).parallel().forEach(y -> {
                int r0 = 6 * y * sw;
                int r1 = r0 + 3 * sw;
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    int a = r0 + 6 * x;
                    int c = r1 + 6 * x;
                    int b = (s[a + blue] & 0xff) + (s[a + blue + 3] & 0xff) + (s[c + blue] & 0xff) + (s[c + blue + 3] & 0xff) + 2;
                    int g = (s[a + 1] & 0xff) + (s[a + 4] & 0xff) + (s[c + 1] & 0xff) + (s[c + 4] & 0xff) + 2;
                    int r = (s[a + red] & 0xff) + (s[a + red + 3] & 0xff) + (s[c + red] & 0xff) + (s[c + red + 3] & 0xff) + 2;
                    d[o + x] = (r >> 2) << 16 | (g >> 2) << 8 | (b >> 2);
                }
            });
            return dst;
        }
        int[] s = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
        IntStream.range(0, h).parallel().forEach(y -> {
            int r0 = 2 * y * sw;
            int r1 = r0 + sw;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int a = s[r0 + 2 * x];
                int b = s[r0 + 2 * x + 1];
                int c = s[r1 + 2 * x];
                int e = s[r1 + 2 * x + 1];
                int rb = (a & 0xff00ff) + (b & 0xff00ff) + (c & 0xff00ff) + (e & 0xff00ff) + 0x020002;
                int g = (a & 0x00ff00) + (b & 0x00ff00) + (c & 0x00ff00) + (e & 0x00ff00) + 0x000200;
                d[o + x] = ((rb >> 2) & 0xff00ff) | ((g >> 2) & 0x00ff00);
            }
        });
        return dst;
    }
}
