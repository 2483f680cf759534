package io.masthead.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Keeps what one invocation logs, line by line, for the runner to print after its summary line. */
final class CapturingLogger implements LambdaLogger {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void log(String message) {
        if (message == null) {
            return;
        }
        for (String line : message.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
