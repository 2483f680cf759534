package io.masthead.local.load;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load benchmark at CI size: 30 articles with photos from 16 uploaders through the local
 * deployment; every item, card and feed entry must be there. The figures are printed, not
 * asserted; the full 300 run is {@code ./masthead bench load}.
 */
class LoadBenchTest {
    private static final PrintStream OUT = System.out;

    @Test
    void thirtyArticlesFromSixteenUploadersAllReachTheirFeeds() throws Exception {
        LoadBench.Options options = new LoadBench.Options(30, 16, 2, 0, Path.of("../../template.yaml"), Duration.ofMinutes(5));
        LoadReport report = LoadBench.measure(options, OUT);
        OUT.println(report.describe());
        assertEquals(java.util.List.of(), report.problems());
        assertEquals(30, report.toItem().count());
        assertEquals(30, report.toFeeds().count());
        assertTrue(report.peakHeapMb() > 0);
    }

    @Test
    void sequentialPublishesInOneHandlerDoNotGrowTheHeap() throws Exception {
        MemoryCheck.Result result = MemoryCheck.run(40, OUT);
        OUT.println(result.describe());
        assertEquals(10, result.heapAfterGcMb().size());
        assertTrue(result.bounded(), result.describe());
    }
}
