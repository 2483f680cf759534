package io.masthead.local.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the benchmark's own numbers as a PNG for {@code docs/}: the cold-start phases (median
 * bar, min-max whisker, target mark) and, when {@code docs/benchmarks.md} holds them, the og card
 * time against sharp's per photo.
 */
final class BenchChart {
    private static final int WIDTH = 960;
    private static final int ROW = 34;
    private static final int LABEL = 300;
    private static final Color INK = new Color(0x22, 0x22, 0x2e);
    private static final Color BAR = new Color(0x1a, 0x5f, 0xb4);
    private static final Color CPU = new Color(0x99, 0xc1, 0xf1);
    private static final Color PEER = new Color(0xc0, 0x6c, 0x00);
    private static final Color TARGET = new Color(0xc0, 0x1c, 0x28);

    private record Bar(String label, double value, double min, double max, double target, Color color) {
    }

    private BenchChart() {
    }

    static void draw(ColdStartBench.Result result, List<CardComparison> cards, Path png) {
        List<Bar> phases = List.of(
                bar("JVM start to handler ready", result.ready(), ColdStartBench.READY_TARGET_MS, BAR),
                bar("  CPU time of the JVM", result.readyCpu(), 0, CPU),
                bar("first invocation: article published", result.first(), ColdStartBench.FIRST_TARGET_MS, BAR),
                bar("  CPU time of the JVM", result.firstCpu(), 0, CPU),
                bar("warm invocation: large photo", result.warm(), ColdStartBench.WARM_TARGET_MS, BAR),
                bar("  CPU time of the JVM", result.warmCpu(), 0, CPU));
        List<Bar> versus = new ArrayList<>();
        for (CardComparison c : cards) {
            String photo = c.photo().replaceFirst("\\.[A-Za-z]+$", "");
            versus.add(new Bar("Masthead  " + photo, c.cardMs(), c.cardMs(), c.cardMs(), 0, BAR));
            versus.add(new Bar("sharp  " + photo, c.sharpMs(), c.sharpMs(), c.sharpMs(), 0, PEER));
        }
        int height = 70 + phases.size() * ROW + 60 + (versus.isEmpty() ? 0 : 50 + versus.size() * ROW) + 20;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            int y = section(g, 30, String.format(Locale.ROOT, "Cold start, publisher package (%d runs: median, min-max; red: target; load %s)",
                    result.runs().size(), result.load()), phases, ColdStartBench.FIRST_TARGET_MS * 1.4);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.setColor(INK);
            g.drawString(String.format(Locale.ROOT, "package %.1f MB, peak RSS %.0f MB; warm photo: %s",
                    result.packageBytes() / 1e6, result.rss().median(), result.photo()), 20, y + 10);
            if (!versus.isEmpty()) {
                double max = versus.stream().mapToDouble(Bar::value).max().orElse(1) * 1.15;
                section(g, y + 60, "og card from an 18 MP photo, one warm process each (numbers from docs/benchmarks.md)", versus, max);
            }
        } finally {
            g.dispose();
        }
        try {
            if (png.getParent() != null) Files.createDirectories(png.getParent());
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    private static Bar bar(String label, Spread s, double target, Color color) {
        return new Bar(label, s.median(), s.min(), s.max(), target, color);
    }

    /** Draws a titled group of bars on a shared millisecond scale; returns the y below it. */
    private static int section(Graphics2D g, int top, String title, List<Bar> bars, double scaleMax) {
        double max = Math.max(scaleMax, bars.stream().mapToDouble(Bar::max).max().orElse(1) * 1.05);
        int plot = WIDTH - LABEL - 40;
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 20, top);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int y = top + 20;
        for (Bar b : bars) {
            g.setColor(INK);
            g.drawString(b.label(), 20, y + 18);
            int w = (int) Math.round(b.value() / max * plot);
            g.setColor(b.color());
            g.fillRect(LABEL, y + 6, Math.max(w, 1), ROW - 14);
            if (b.max() > b.min()) {
                g.setColor(INK);
                g.setStroke(new BasicStroke(1.5f));
                int x0 = LABEL + (int) Math.round(b.min() / max * plot);
                int x1 = LABEL + (int) Math.round(b.max() / max * plot);
                int mid = y + ROW / 2 - 1;
                g.drawLine(x0, mid, x1, mid);
                g.drawLine(x0, mid - 5, x0, mid + 5);
                g.drawLine(x1, mid - 5, x1, mid + 5);
            }
            if (b.target() > 0) {
                g.setColor(TARGET);
                g.setStroke(new BasicStroke(2.5f));
                int x = LABEL + (int) Math.round(b.target() / max * plot);
                g.drawLine(x, y + 2, x, y + ROW - 4);
            }
            g.setColor(INK);
            int after = Math.max(w, (int) Math.round(b.max() / max * plot));
            g.drawString(String.format(Locale.ROOT, "%.0f ms", b.value()), LABEL + after + 8, y + 18);
            y += ROW;
        }
        g.setColor(new Color(0x99, 0x99, 0x99));
        g.setStroke(new BasicStroke(1f));
        g.drawLine(LABEL, y + 4, LABEL + plot, y + 4);
        for (int i = 0; i <= 4; i++) {
            double ms = max * i / 4;
            int x = LABEL + (int) Math.round(ms / max * plot);
            g.drawLine(x, y + 4, x, y + 9);
            g.drawString(String.format(Locale.ROOT, "%.0f ms", ms), x - 18, y + 24);
        }
        return y + 40;
    }
}
