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
        double text = luminance(textRgb);
        double keep = 1 - overlay;
        // ratios lie in [1, 21]; a fine histogram gives the percentile without sorting
        int bins = 2000;
        int[] hist = new int[bins + 1];
        int n = 0;
        int step = r.width * r.height > 40_000 ? 2 : 1;
        for (int y = r.y; y < r.y + r.height; y += step) {
            int row = y * stride;
            for (int x = r.x; x < r.x + r.width; x += step) {
                int p = px[row + x];
                double l = overlay == 0 ? luminance(p) : luminance(scale(p, keep));
                double c = ratio(text, l);
                hist[(int) ((c - 1) / 20 * bins)]++;
                n++;
            }
        }
        int target = (int) Math.floor(n * PERCENTILE);
        int seen = 0;
        for (int b = 0; b <= bins; b++) {
            seen += hist[b];
            if (seen > target) return 1 + b * 20.0 / bins;
        }
        return 21;
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
        if (samples.length == 0) return 21;
        double text = luminance(textRgb);
        double keep = 1 - overlay;
        double[] c = new double[samples.length];
        for (int i = 0; i < samples.length; i++) c[i] = ratio(text, luminance(scale(samples[i], keep)));
        java.util.Arrays.sort(c);
        return c[(int) Math.floor(c.length * PERCENTILE)];
    }

    /** An sRGB colour under a black overlay: each channel scaled, as the scrim composites it. */
    static int scale(int rgb, double keep) {
        int r = (int) Math.round(((rgb >> 16) & 0xff) * keep);
        int g = (int) Math.round(((rgb >> 8) & 0xff) * keep);
        int b = (int) Math.round((rgb & 0xff) * keep);
        return (r << 16) | (g << 8) | b;
    }
}
