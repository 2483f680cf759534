package io.masthead.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The card-versus-sharp numbers recorded in {@code docs/benchmarks.md}, read from the JSON lines
 * the two benchmarks print: {@code masthead bench cards} ({@code "photo"}, {@code "og_median_ms"})
 * and the sharp peer ({@code "peer": "sharp"}, {@code "photo"}, {@code "median_ms"}), paired by
 * the photo's file name. The document lists runs newest first, so the first number for a photo
 * is the one taken. Empty when the document holds none.
 */
record CardComparison(String photo, double cardMs, double sharpMs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<CardComparison> readFrom(Path doc) {
        if (doc == null || !Files.isRegularFile(doc)) return List.of();
        Map<String, Double> card = new LinkedHashMap<>();
        Map<String, Double> sharp = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(doc)) {
                int open = line.indexOf('{');
                int close = line.lastIndexOf('}');
                if (open < 0 || close < open || !line.contains("\"photo\"")) continue;
                JsonNode node;
                try {
                    node = JSON.readTree(line.substring(open, close + 1));
                } catch (IOException notJson) {
                    continue;
                }
                String photo = fileName(node.path("photo").asText());
                if (node.has("og_median_ms")) card.putIfAbsent(photo, node.get("og_median_ms").asDouble());
                else if ("sharp".equals(node.path("peer").asText()) && node.has("median_ms")) sharp.putIfAbsent(photo, node.get("median_ms").asDouble());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + doc, e);
        }
        List<CardComparison> pairs = new ArrayList<>();
        card.forEach((photo, ms) -> {
            if (sharp.containsKey(photo)) pairs.add(new CardComparison(photo, ms, sharp.get(photo)));
        });
        return pairs;
    }

    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }
}
