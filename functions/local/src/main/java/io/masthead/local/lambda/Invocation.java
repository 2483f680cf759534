package io.masthead.local.lambda;

import java.util.List;

/**
 * What one invocation did.
 *
 * @param trigger    what it was invoked for, e.g. {@code articles/a.json ObjectCreated:Put} or {@code batch of 3}
 * @param coldStartMs time spent constructing the handler for this invocation; 0 when a warm one served it
 * @param result     the handler's result as JSON (Lambda serializes it the same way); null on failure or void
 * @param error      the failure, null on success
 * @param logLines   what the handler logged
 */
public record Invocation(String function, String trigger, long durationMs, long coldStartMs, String result,
                         Throwable error, List<String> logLines) {
    public Invocation {
        logLines = List.copyOf(logLines);
    }

    public boolean succeeded() {
        return error == null;
    }
}
