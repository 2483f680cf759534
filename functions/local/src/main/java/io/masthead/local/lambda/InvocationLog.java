package io.masthead.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One line per invocation: time, function, what triggered it, duration, outcome. The handler's
 * own log lines follow, indented: all of them when verbose, otherwise only errors (and lines
 * that are not JSON, such as stack traces).
 * Keeps every invocation for reports and tests.
 */
public final class InvocationLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final boolean verbose;
    private final List<Invocation> invocations = new ArrayList<>();
    private final List<Consumer<Invocation>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public InvocationLog(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    /** Records and prints an invocation; {@code note} says what happens next (retry, redelivery), may be empty. */
    public void record(Invocation invocation, String outcome, String note) {
        synchronized (this) {
            invocations.add(invocation);
            StringBuilder line = new StringBuilder()
                    .append(LocalTime.now().format(TIME)).append("  ")
                    .append(String.format("%-18s", invocation.function())).append(' ')
                    .append(invocation.trigger()).append("  ")
                    .append(invocation.durationMs()).append(" ms");
            if (invocation.coldStartMs() > 0) {
                line.append(" (cold start ").append(invocation.coldStartMs()).append(" ms)");
            }
            line.append("  ").append(outcome);
            if (!note.isEmpty()) {
                line.append(" - ").append(note);
            }
            out.println(line);
            for (String logLine : invocation.logLines()) {
                if (verbose || worthShowing(logLine)) {
                    out.println("      " + logLine);
                }
            }
            if (!invocation.succeeded() && verbose) {
                invocation.error().printStackTrace(out);
            }
        }
        listeners.forEach(l -> l.accept(invocation));
    }

    public void addListener(Consumer<Invocation> listener) {
        listeners.add(listener);
    }

    public synchronized List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    public void note(String message) {
        synchronized (this) {
            out.println(LocalTime.now().format(TIME) + "  " + message);
        }
    }

    private static boolean worthShowing(String line) {
        if (!line.startsWith("{")) {
            return true;
        }
        try {
            JsonNode node = JSON.readTree(line);
            String level = node.path("level").asText("");
            return level.equals("ERROR") || level.equals("FATAL");
        } catch (Exception e) {
            return true;
        }
    }

    /** A failure in a few words: the exception's simple name and message. */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
