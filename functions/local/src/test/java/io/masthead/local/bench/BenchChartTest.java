package io.masthead.local.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchChartTest {
    private static final ColdStartBench.Result RESULT = new ColdStartBench.Result(List.of(
            new ColdStartBench.Run(700, 1400, 450, 300, 600, 1200, 400, "system libjpeg"),
            new ColdStartBench.Run(900, 1600, 550, 320, 650, 1300, 420, "system libjpeg")), 16_000_000L, "photo.jpg 17.9 MP baseline JPEG", "java", "1.0");

    @Test
    void drawsThePhasesAndTheCardComparisonWhenThereIsOne(@TempDir Path dir) throws Exception {
        Path phasesOnly = dir.resolve("phases.png");
        Path both = dir.resolve("both.png");
        BenchChart.draw(RESULT, List.of(), phasesOnly);
        BenchChart.draw(RESULT, List.of(new CardComparison("elephants.jpg", 120, 172)), both);
        BufferedImage a = ImageIO.read(phasesOnly.toFile());
        BufferedImage b = ImageIO.read(both.toFile());
        assertEquals(960, a.getWidth());
        assertTrue(b.getHeight() > a.getHeight(), "the comparison adds rows");
        // the median bar of the first phase is drawn in the bar colour at the left of the plot
        boolean barFound = false;
        for (int y = 0; y < a.getHeight() && !barFound; y++) barFound = (a.getRGB(305, y) & 0xFFFFFF) == 0x1a5fb4;
        assertTrue(barFound, "a bar is drawn");
    }
}
