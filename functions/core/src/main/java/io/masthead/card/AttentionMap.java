package io.masthead.card;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Where the eye goes in a photo, in the manner of libvips' {@code attention} crop and
 * smartcrop.js: edges (detail), skin tones (people, faces) and strong saturation, computed on a
 * small copy of the photo, smoothed, and summed with an integral image so that every candidate
 * crop is scored in constant time.
 */
final class AttentionMap {
    private static final double EDGE_WEIGHT = 0.4;
    private static final double SKIN_WEIGHT = 1.8;
    private static final double SATURATION_WEIGHT = 0.12;
    /** Attention under the text block counts this much: the subject belongs above the words. */
    private static final double UNDER_TEXT = 0.15;
    /** Attention in the outer tenth of a crop counts this much: subjects are not cut at the edge. */
    private static final double AT_EDGE = 0.6;

    private final int w;
    private final int h;
    private final double scale; // map pixels per photo pixel
    private final double[] integral; // (w+1) x (h+1)

    private AttentionMap(int w, int h, double scale, double[] integral) {
        this.w = w;
        this.h = h;
        this.scale = scale;
        this.integral = integral;
    }

    /** The map of a photo, from a small copy of it ({@code small} is {@code photo} scaled by {@code scale}). */
    static AttentionMap of(BufferedImage small, double scale) {
        int w = small.getWidth();
        int h = small.getHeight();
        int[] px = ((DataBufferInt) small.getRaster().getDataBuffer()).getData();
        double[] lum = new double[w * h];
        double[] skin = new double[w * h];
        double[] sat = new double[w * h];
        for (int i = 0; i < px.length; i++) {
            double r = ((px[i] >> 16) & 0xff) / 255.0;
            double g = ((px[i] >> 8) & 0xff) / 255.0;
            double b = (px[i] & 0xff) / 255.0;
            double l = 0.299 * r + 0.587 * g + 0.114 * b;
            lum[i] = l;
            skin[i] = skin(r, g, b, l);
            sat[i] = saturation(r, g, b);
        }
        double[] edge = new double[w * h];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                edge[i] = Math.abs(4 * lum[i] - lum[i - 1] - lum[i + 1] - lum[i - w] - lum[i + w]);
            }
        }
        normalise(edge);
        double[] score = new double[w * h];
        for (int i = 0; i < score.length; i++) {
            score[i] = EDGE_WEIGHT * edge[i] + SKIN_WEIGHT * skin[i] + SATURATION_WEIGHT * sat[i];
        }
        score = blur(blur(score, w, h), w, h);
        double[] integral = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += score[y * w + x];
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
            }
        }
        return new AttentionMap(w, h, scale, integral);
    }

    /** Skin tone closeness as smartcrop.js measures it: direction of the colour vector, bright enough. */
    private static double skin(double r, double g, double b, double l) {
        double mag = Math.sqrt(r * r + g * g + b * b);
        if (mag < 1e-6 || l < 0.2 || l > 0.95) return 0;
        double dr = r / mag - 0.78;
        double dg = g / mag - 0.57;
        double db = b / mag - 0.44;
        double closeness = 1 - Math.sqrt(dr * dr + dg * dg + db * db);
        return closeness > 0.8 ? (closeness - 0.8) / 0.2 : 0;
    }

    private static double saturation(double r, double g, double b) {
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        double l = (max + min) / 2;
        if (max == min || l < 0.05 || l > 0.9) return 0;
        double s = l > 0.5 ? (max - min) / (2 - max - min) : (max - min) / (max + min);
        return s > 0.4 ? (s - 0.4) / 0.6 : 0;
    }

    /** Scales a feature so its 99th percentile is 1: a photo's detail is judged against itself. */
    private static void normalise(double[] v) {
        double p = atRank(v, (int) (v.length * 0.99));
        if (p <= 1e-9) return;
        for (int i = 0; i < v.length; i++) v[i] = Math.min(1.5, v[i] / p);
    }

    /**
     * The value that would stand at index {@code k} if v were sorted: a histogram finds the bin
     * holding it, and only that bin is sorted.
     */
    static double atRank(double[] v, int k) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (min == max) return min;
        int bins = 1024;
        double scale = (bins - 1) / (max - min);
        int[] count = new int[bins];
        for (double x : v) count[(int) ((x - min) * scale)]++;
        int bin = 0;
        int below = 0;
        while (below + count[bin] <= k) below += count[bin++];
        double[] inBin = new double[count[bin]];
        int n = 0;
        for (double x : v) if ((int) ((x - min) * scale) == bin) inBin[n++] = x;
        java.util.Arrays.sort(inBin);
        return inBin[k - below];
    }

    /** The mean over each pixel's 5x5 neighbourhood (clipped at the edges), as a row pass and a column pass. */
    private static double[] blur(double[] v, int w, int h) {
        double[] rows = new double[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int xx = Math.max(0, x - 2), end = Math.min(w - 1, x + 2); xx <= end; xx++) s += v[y * w + xx];
                rows[y * w + x] = s;
            }
        }
        double[] out = new double[v.length];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - 2);
            int y1 = Math.min(h - 1, y + 2);
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int yy = y0; yy <= y1; yy++) s += rows[yy * w + x];
                int n = (Math.min(w - 1, x + 2) - Math.max(0, x - 2) + 1) * (y1 - y0 + 1);
                out[y * w + x] = s / n;
            }
        }
        return out;
    }

    /** Sum over a rectangle of map pixels, clipped to the map. */
    private double sum(double x0, double y0, double x1, double y1) {
        int a = (int) Math.max(0, Math.min(w, Math.round(x0)));
        int b = (int) Math.max(0, Math.min(h, Math.round(y0)));
        int c = (int) Math.max(0, Math.min(w, Math.round(x1)));
        int d = (int) Math.max(0, Math.min(h, Math.round(y1)));
        if (c <= a || d <= b) return 0;
        int s = w + 1;
        return integral[d * s + c] - integral[b * s + c] - integral[d * s + a] + integral[b * s + a];
    }

    /**
     * The best cover crop of the photo ({@code photoW x photoH}) for a preset.
     *
     * @param textTop where the text block begins, as a fraction of the card's height (1: no text)
     */
    Crop best(int photoW, int photoH, int presetW, int presetH, double textTop) {
        Crop centre = Crop.centre(photoW, photoH, presetW, presetH);
        int freeX = photoW - centre.width();
        int freeY = photoH - centre.height();
        if (freeX <= 0 && freeY <= 0) return new Crop(0, 0, centre.width(), centre.height(), "attention");
        boolean alongX = freeX > 0;
        int free = alongX ? freeX : freeY;
        int steps = Math.max(1, (int) Math.min(200, Math.ceil(free * scale)));
        double bestScore = Double.NEGATIVE_INFINITY;
        double worstScore = Double.POSITIVE_INFINITY;
        int bestOffset = free / 2;
        for (int i = 0; i <= steps; i++) {
            int offset = (int) Math.round((double) free * i / steps);
            int x = alongX ? offset : 0;
            int y = alongX ? 0 : offset;
            double s = score(x, y, centre.width(), centre.height(), textTop);
            // on a tie the crop nearer the centre wins
            if (s > bestScore + 1e-9 || (Math.abs(s - bestScore) <= 1e-9 && Math.abs(offset - free / 2) < Math.abs(bestOffset - free / 2))) {
                bestScore = s;
                bestOffset = offset;
            }
            worstScore = Math.min(worstScore, s);
        }
        if (bestScore - worstScore < 0.02 * Math.max(1e-9, bestScore)) {
            return centre; // nothing stands out: the centre is as good as any
        }
        return new Crop(alongX ? bestOffset : 0, alongX ? 0 : bestOffset, centre.width(), centre.height(), "attention");
    }

    private double score(int x, int y, int cw, int ch, double textTop) {
        double x0 = x * scale;
        double y0 = y * scale;
        double x1 = (x + cw) * scale;
        double y1 = (y + ch) * scale;
        double yText = y0 + (y1 - y0) * textTop;
        double mx = (x1 - x0) * 0.1;
        double my = (y1 - y0) * 0.1;
        double above = sum(x0, y0, x1, yText);
        double under = sum(x0, yText, x1, y1);
        double edges = sum(x0, y0, x0 + mx, y1) + sum(x1 - mx, y0, x1, y1)
                + sum(x0 + mx, y0, x1 - mx, y0 + my) + sum(x0 + mx, y1 - my, x1 - mx, y1);
        return above + UNDER_TEXT * under - (1 - AT_EDGE) * edges;
    }
}
