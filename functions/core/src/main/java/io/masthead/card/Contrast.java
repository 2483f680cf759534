package io.masthead.card;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * WCAG 2 contrast, measured against the actual pixels behind a line of text. A line's contrast
 * is the 2nd percentile of the per-pixel ratios inside its box: 98% of the pixels behind the
 * text give at least that contrast (a lone speck of highlight does not decide the scrim).
 */
final class Contrast {
    /** WCAG AA for normal text. */
    static final double MINIMUM = 4.5;
    private static final double PERCENTILE = 0.02;
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private Contrast() {
    }

    /** WCAG relative luminance of an sRGB colour. */
    static double luminance(int rgb) {
        return 0.2126 * LINEAR[(rgb >> 16) & 0xff] + 0.7152 * LINEAR[(rgb >> 8) & 0xff] + 0.0722 * LINEAR[rgb & 0xff];
    }

    static double ratio(double l1, double l2) {
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    /** Contrast of a text colour against the pixels of an INT_RGB image in a box. */
    static double measure(BufferedImage image, Rectangle box, int textRgb) {
        return measure(image, box, textRgb, 0);
    }

    /**
     * Contrast of a text colour against the pixels in a box as they would be under a black
     * overlay of the given opacity (the scrim), without touching the image.
     */
    static double measure(BufferedImage image, Rectangle box, int textRgb, double overlay) {
        Rectangle r = box.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        if (r.isEmpty()) return 21;
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int stride = image.getWidth();
        Percentile ratios = new Percentile(luminance(textRgb), overlay(1 - overlay));
        int step = r.width * r.height > 40_000 ? 2 : 1;
        for (int y = r.y; y < r.y + r.height; y += step) {
            int row = y * stride;
            for (int x = r.x; x < r.x + r.width; x += step) ratios.add(px[row + x]);
        }
        return ratios.value();
    }

    /** Up to about {@code max} pixels from a box, evenly spread, for estimating a scrim quickly. */
    static int[] sample(BufferedImage image, Rectangle box, int max) {
        Rectangle r = box.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        if (r.isEmpty()) return new int[0];
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int step = Math.max(1, (int) Math.ceil(Math.sqrt((double) r.width * r.height / max)));
        int[] out = new int[((r.width + step - 1) / step) * ((r.height + step - 1) / step)];
        int n = 0;
        for (int y = r.y; y < r.y + r.height; y += step) {
            for (int x = r.x; x < r.x + r.width; x += step) out[n++] = px[y * image.getWidth() + x];
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The 2nd-percentile contrast of a text colour against sample pixels under a black overlay. */
    static double measure(int[] samples, int textRgb, double overlay) {
        Percentile ratios = new Percentile(luminance(textRgb), overlay(1 - overlay));
        for (int p : samples) ratios.add(p);
        return ratios.value();
    }

    /**
     * What a black overlay leaves of each channel value: {@code table[c] = round(c * keep)}.
     * The scrim and the measurements use the same table, so what is measured is what is drawn.
     */
    static int[] overlay(double keep) {
        int[] table = new int[256];
        for (int c = 0; c < 256; c++) table[c] = (int) Math.round(c * keep);
        return table;
    }

    /** An sRGB colour under a black overlay, as {@link #overlay} tabulates it. */
    static int scale(int rgb, int[] overlay) {
        return (overlay[(rgb >> 16) & 0xff] << 16) | (overlay[(rgb >> 8) & 0xff] << 8) | overlay[rgb & 0xff];
    }

    /**
     * The 2nd percentile of text-on-pixel contrast ratios. Ratios lie in [1, 21]; a histogram of
     * 0.01-wide bins gives the percentile without sorting.
     */
    private static final class Percentile {
        private static final int BINS = 2000;
        private final int[] histogram = new int[BINS + 1];
        private final double text;
        private final int[] overlay;
        private int count;

        Percentile(double text, int[] overlay) {
            this.text = text;
            this.overlay = overlay;
        }

        void add(int rgb) {
            double c = ratio(text, luminance(scale(rgb, overlay)));
            histogram[(int) ((c - 1) / 20 * BINS)]++;
            count++;
        }

        double value() {
            if (count == 0) return 21;
            int target = (int) Math.floor(count * PERCENTILE);
            int seen = 0;
            for (int b = 0; b <= BINS; b++) {
                seen += histogram[b];
                if (seen > target) return 1 + b * 20.0 / BINS;
            }
            return 21;
        }
    }
}
