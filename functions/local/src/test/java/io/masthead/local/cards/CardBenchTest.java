package io.masthead.local.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardBenchTest {

    @Test
    void printsOneJsonLinePerPhotoWithTheMeasuresAndTheCodecTheyWereTakenWith() throws Exception {
        Path photo = Path.of("../../events/photos/rocket.jpg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int status;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            status = CardBench.run(List.of("--warmup", "1", "--runs", "1", photo.toString()));
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, status);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), "one line per photo: " + lines);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertEquals(photo.toString(), line.get("photo").asText());
        assertTrue(line.get("og_median_ms").asDouble() > 0);
        assertTrue(line.get("all_presets_median_ms").asDouble() > 0);
        assertTrue(line.get("og_bytes").asLong() > 10_000, "an og card's bytes: " + line);
        assertTrue(line.get("peak_heap_mb").asDouble() > 0);
        assertEquals(Runtime.version().toString(), line.get("java").asText());
        String libjpeg = line.get("imageio_libjpeg").asText();
        assertTrue(libjpeg.startsWith("system /") || libjpeg.startsWith("bundled libjpeg 6b in /"),
                "this JVM has rendered cards, so ImageIO's libjpeg is mapped: " + libjpeg);
    }
}
