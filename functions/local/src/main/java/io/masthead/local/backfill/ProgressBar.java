package io.masthead.local.backfill;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Live progress of a job: a bar redrawn in place on a terminal (items done/total, rate, ETA),
 * or one plain line per update when the output is a file or a pipe.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int lastLength;

    public ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    public synchronized void update(int done, int total, int failed) {
        String line = line(done, total, failed, Duration.ofNanos(System.nanoTime() - start));
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    public synchronized void finish() {
        if (terminal && lastLength > 0) {
            out.println();
        }
    }

    /** e.g. {@code [#########.....................]  30/100  2.5/s  ETA 0:28  1 failed} */
    static String line(int done, int total, int failed, Duration elapsed) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        String eta = done == 0 ? "--:--" : clock(Duration.ofMillis((long) ((total - done) / rate * 1000)));
        return String.format(Locale.ROOT, "[%s%s] %" + digits(total) + "d/%d  %.1f/s  ETA %s%s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, rate, eta,
                failed == 0 ? "" : "  " + failed + " failed");
    }

    private static int digits(int n) {
        return Integer.toString(Math.max(n, 1)).length();
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
