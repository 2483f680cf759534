package io.masthead.publish;

import java.util.List;

/**
 * What happened to one article event, for the log line and for callers (local runner, tests).
 *
 * @param kind    published, unpublished, rejected (bad input, errors/ written), stale or skipped
 * @param slug    the article's slug, when known
 * @param written keys written
 * @param removed keys removed
 * @param detail  a short human-readable reason
 */
public record Outcome(Kind kind, String slug, List<String> written, List<String> removed, String detail) {
    public enum Kind { PUBLISHED, UNPUBLISHED, REJECTED, STALE, SKIPPED }

    public Outcome {
        written = List.copyOf(written);
        removed = List.copyOf(removed);
    }

    static Outcome skipped(String slug, String detail) {
        return new Outcome(Kind.SKIPPED, slug, List.of(), List.of(), detail);
    }
}
