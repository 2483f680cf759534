package io.masthead.local.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small measuring parts: spreads, percentiles, /proc readings, JPEG kinds, the card comparison. */
class MeasuresTest {

    @Test
    void spreadIsTheMedianWithItsRange() {
        Spread odd = Spread.of(List.of(5.0, 1.0, 9.0, 3.0, 7.0));
        assertEquals(5.0, odd.median());
        assertEquals(1.0, odd.min());
        assertEquals(9.0, odd.max());
        assertEquals(2.5, Spread.of(List.of(4.0, 1.0, 2.0, 3.0)).median());
        assertEquals("5 ms (1-9)", odd.format("ms"));
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> values = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> (double) i).toList();
        assertEquals(10.0, ServeLatencyBench.percentile(values, 50));
        assertEquals(19.0, ServeLatencyBench.percentile(values, 95));
        assertEquals(7.0, ServeLatencyBench.percentile(List.of(7.0), 95));
    }

    @Test
    void readsPeakRssAndCpuTimeOfALiveProcess() {
        long pid = ProcessHandle.current().pid();
        double before = ProcessProbe.cpuMs(pid);
        // spin until this thread has used 300 ms of CPU by the JVM's own count, however busy the machine is
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + 300_000_000L;
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() < end) sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        double used = ProcessProbe.cpuMs(pid) - before;
        assertTrue(used >= 250, "300 ms of spinning shows as CPU time: " + used + " (" + sink + ")");
        byte[] block = new byte[64 << 20];
        java.util.Arrays.fill(block, (byte) 1);
        assertTrue(ProcessProbe.peakRssMb(pid) >= 64, "a touched 64 MB array is resident");
    }

    @Test
    void tellsProgressiveFromBaselineJpeg(@TempDir Path dir) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Path baseline = dir.resolve("baseline.jpg");
        Path progressive = dir.resolve("progressive.jpg");
        ImageIO.write(image, "jpeg", baseline.toFile());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(progressive.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        assertFalse(JpegKind.isProgressive(baseline));
        assertTrue(JpegKind.isProgressive(progressive));
        assertTrue(ColdStartBench.describe(progressive).endsWith("0.0 MP progressive JPEG"), ColdStartBench.describe(progressive));
    }

    @Test
    void pairsCardAndSharpNumbersByPhotoNewestFirst(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, """
                ## Cards against sharp
                    {"photo": "/tmp/photos/elephants-baseline.jpg", "og_median_ms": 120.5, "all_presets_median_ms": 170, "og_bytes": 200000, "peak_heap_mb": 300}
                    {"peer":"sharp","photo":"elephants-baseline.jpg","first_ms":400,"median_ms":172.0,"bytes":190000}
                    {"photo": "other.jpg", "og_median_ms": 99}
                | not | json { here |
                An older run, further down:
                    {"photo": "elephants-baseline.jpg", "og_median_ms": 250}
                    {"peer":"sharp","photo":"elephants-baseline.jpg","median_ms":260}
                """);
        List<CardComparison> pairs = CardComparison.readFrom(doc);
        assertEquals(List.of(new CardComparison("elephants-baseline.jpg", 120.5, 172.0)), pairs);
        assertEquals(List.of(), CardComparison.readFrom(dir.resolve("missing.md")));
    }
}
