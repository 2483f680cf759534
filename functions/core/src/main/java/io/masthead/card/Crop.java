package io.masthead.card;

import io.masthead.article.Focus;

/**
 * The part of the decoded photo a preset shows, in decoded-photo pixels.
 *
 * @param method how it was chosen: {@code focus}, {@code attention} or {@code centre}
 */
record Crop(int x, int y, int width, int height, String method) {

    /** The largest region of the preset's aspect ratio that fits the photo, centred on a point (fractions). */
    static Crop cover(int imgW, int imgH, int presetW, int presetH, double cx, double cy, String method) {
        double aspect = (double) presetW / presetH;
        int cw;
        int ch;
        if ((double) imgW / imgH > aspect) {
            ch = imgH;
            cw = Math.max(1, Math.min(imgW, (int) Math.round(imgH * aspect)));
        } else {
            cw = imgW;
            ch = Math.max(1, Math.min(imgH, (int) Math.round(imgW / aspect)));
        }
        int x = clamp((int) Math.round(cx * imgW - cw / 2.0), imgW - cw);
        int y = clamp((int) Math.round(cy * imgH - ch / 2.0), imgH - ch);
        return new Crop(x, y, cw, ch, method);
    }

    static Crop centre(int imgW, int imgH, int presetW, int presetH) {
        return cover(imgW, imgH, presetW, presetH, 0.5, 0.5, "centre");
    }

    static Crop focus(int imgW, int imgH, int presetW, int presetH, Focus focus) {
        return cover(imgW, imgH, presetW, presetH, focus.x(), focus.y(), "focus");
    }

    /** How much the crop is enlarged to fill the preset (above 1: upscaled). */
    double upscale(int presetW) {
        return (double) presetW / width;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
