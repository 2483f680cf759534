package io.masthead.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.event.TestContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A Lambda context whose logger keeps every line, each parsed as the JSON record it must be. */
final class LogLines extends TestContext {
    private static final ObjectMapper JSON = new ObjectMapper();

    int size() {
        return lines.size();
    }

    /** The lines logged since {@code mark}, each parsed; a line that is not JSON fails the caller. */
    List<JsonNode> since(int mark) {
        return lines.subList(mark, lines.size()).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException("log line is not JSON: " + l, e);
            }
        }).toList();
    }
}
