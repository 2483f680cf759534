package io.masthead.card;

import net.coobird.thumbnailator.resizers.Resizers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** The pixel work of one card: the photo layer, the scrim and the text. Stateless. */
final class CardPainter {
    /** A crop enlarged by more than this is shown on a blurred fill instead of blown up. */
    static final double MAX_UPSCALE = 1.5;
    /** How much a small photo may still be enlarged when placed on its blurred fill. */
    static final double FILL_UPSCALE = 1.25;
    private static final double CONTRAST_TARGET = Contrast.MINIMUM + 0.15; // headroom for JPEG rounding

    private CardPainter() {
    }

    /**
     * A photo too small for the card: a blurred, darkened cover of itself behind it, the photo
     * itself at (nearly) its own size, centred in {@code area} (clear of the text where there is room).
     *
     * @return the card and the rectangle the photo occupies
     */
    static BufferedImage blurredFill(BufferedImage photo, Crop coverCrop, int w, int h, Rectangle area, Rectangle[] placedOut) {
        // blur by shrinking the cover crop to a few dozen pixels and enlarging it bilinearly
        int sw = Math.max(4, w / 40);
        int sh = Math.max(4, h / 40);
        BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        Resizers.PROGRESSIVE.resize(photo.getSubimage(coverCrop.x(), coverCrop.y(), coverCrop.width(), coverCrop.height()), small);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(small, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        darken(out, 0, 0.55);
        double scale = Math.min(FILL_UPSCALE, Math.min((double) area.width / photo.getWidth(), (double) area.height / photo.getHeight()));
        int pw = Math.max(1, (int) Math.round(photo.getWidth() * scale));
        int ph = Math.max(1, (int) Math.round(photo.getHeight() * scale));
        int px = area.x + (area.width - pw) / 2;
        int py = area.y + (area.height - ph) / 2;
        BufferedImage fg = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
        if (pw <= photo.getWidth()) Resizers.PROGRESSIVE.resize(photo, fg); else Resizers.BICUBIC.resize(photo, fg);
        out.getRaster().setDataElements(px, py, pw, ph, ((DataBufferInt) fg.getRaster().getDataBuffer()).getData());
        placedOut[0] = new Rectangle(px, py, pw, ph);
        return out;
    }

    /** A text card background: the site colour. */
    static BufferedImage plain(int w, int h, Color color) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(px, color.getRGB() & 0xffffff);
        return out;
    }

    /**
     * The least scrim opacity at which every line reaches the contrast target, found by bisection
     * on samples of the pixels behind each line.
     */
    static double scrimFor(BufferedImage img, CardText text) {
        double needed = 0;
        for (CardText.Placed p : text.lines()) {
            int[] samples = Contrast.sample(img, p.box(), 4000);
            if (Contrast.measure(samples, p.rgb(), needed) >= CONTRAST_TARGET) continue;
            double lo = needed;
            double hi = 1;
            for (int i = 0; i < 10; i++) {
                double mid = (lo + hi) / 2;
                if (Contrast.measure(samples, p.rgb(), mid) >= CONTRAST_TARGET) hi = mid; else lo = mid;
            }
            needed = hi;
        }
        // the samples estimate; the full boxes decide
        for (CardText.Placed p : text.lines()) {
            while (needed < 1 && Contrast.measure(img, p.box(), p.rgb(), needed) < CONTRAST_TARGET) {
                needed = Math.min(1, needed + 0.01);
            }
        }
        return needed;
    }

    /**
     * Darkens the card from {@code blockTop - fade} (nothing) to {@code blockTop} (full opacity),
     * and at full opacity below: a gradient that reads as part of the photo.
     */
    static void scrim(BufferedImage img, int blockTop, int fade, double opacity) {
        if (opacity <= 0) return;
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int start = Math.max(0, blockTop - fade);
        for (int y = start; y < h; y++) {
            double t = y >= blockTop ? 1 : (double) (y - (blockTop - fade)) / fade;
            double a = opacity * t * t * (3 - 2 * t); // smoothstep: no visible edge where it begins
            if (a <= 0) continue;
            int[] keep = Contrast.overlay(1 - a);
            for (int i = y * w, end = i + w; i < end; i++) px[i] = Contrast.scale(px[i], keep);
        }
    }

    /** Darkens every row from {@code fromY} by an opacity. */
    static void darken(BufferedImage img, int fromY, double opacity) {
        int w = img.getWidth();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int[] keep = Contrast.overlay(1 - opacity);
        for (int i = fromY * w; i < px.length; i++) px[i] = Contrast.scale(px[i], keep);
    }

    static void drawText(BufferedImage img, CardText text) {
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            for (CardText.Placed p : text.lines()) {
                g.setColor(new Color(p.rgb()));
                p.line().layout().draw(g, p.x(), p.baseline());
            }
        } finally {
            g.dispose();
        }
    }

    /** The lowest contrast behind any line, measured on the card's pixels before the text is drawn. */
    static double worstContrast(BufferedImage img, CardText text) {
        double worst = 21;
        for (CardText.Placed p : text.lines()) worst = Math.min(worst, Contrast.measure(img, p.box(), p.rgb()));
        return worst;
    }
}
