package io.masthead.local.backfill;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {
    @Test
    void showsDoneTotalRateAndEta() {
        assertEquals("[#########.....................]  30/100  3.0/s  ETA 0:23",
                ProgressBar.line(30, 100, 0, Duration.ofSeconds(10)));
        assertEquals("[##############################] 4/4  2.0/s  ETA 0:00  1 failed",
                ProgressBar.line(4, 4, 1, Duration.ofSeconds(2)));
        assertEquals("[..............................] 0/7  0.0/s  ETA --:--", ProgressBar.line(0, 7, 0, Duration.ZERO));
        assertEquals("1:02:03", ProgressBar.clock(Duration.ofSeconds(3723)));
    }

    @Test
    void redrawsInPlaceOnATerminalAndPrintsLinesOtherwise() {
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(tty, true, StandardCharsets.UTF_8), true);
        bar.update(1, 2, 0);
        bar.update(2, 2, 0);
        bar.finish();
        String drawn = tty.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.startsWith("\r[") && drawn.contains("\r[###"), drawn);
        assertEquals(1, drawn.chars().filter(c -> c == '\n').count(), "one line in the end");

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ProgressBar plain = new ProgressBar(new PrintStream(file, true, StandardCharsets.UTF_8), false);
        plain.update(1, 2, 0);
        plain.update(2, 2, 0);
        plain.finish();
        String lines = file.toString(StandardCharsets.UTF_8);
        assertFalse(lines.contains("\r"));
        assertEquals(2, lines.lines().count());
    }
}
