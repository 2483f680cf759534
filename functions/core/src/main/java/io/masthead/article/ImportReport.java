package io.masthead.article;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import made of a document: which of its fields became which article field, which it
 * ignored and why, and what it had to guess. Kept with the article's render report and shown in
 * the preview, so a newsroom can see how its format was read. Serializable with Jackson as is.
 *
 * @param format  the format read, e.g. {@code ninjs 3.x}, {@code markdown}, {@code text}, {@code article-json v1}
 * @param mapped  source field to article field, in document order
 * @param ignored source fields not used, each with the reason
 * @param guesses what was inferred rather than read, in plain words
 */
public record ImportReport(String format, List<Mapped> mapped, List<Ignored> ignored, List<String> guesses) {
    public ImportReport {
        mapped = List.copyOf(mapped);
        ignored = List.copyOf(ignored);
        guesses = List.copyOf(guesses);
    }

    /** {@code from} in the source document became {@code to} in the article (a v1 field name, e.g. {@code photo.credit}). */
    public record Mapped(String from, String to) {
    }

    /** {@code from} in the source document was not used, because of {@code reason}. */
    public record Ignored(String from, String reason) {
    }

    /** This report with one more guess. */
    public ImportReport withGuess(String guess) {
        List<String> more = new ArrayList<>(guesses);
        more.add(guess);
        return new ImportReport(format, mapped, ignored, more);
    }

    /** The article field a source field was mapped to, or null. */
    public String mappedTo(String from) {
        return mapped.stream().filter(m -> m.from().equals(from)).map(Mapped::to).findFirst().orElse(null);
    }

    public boolean isIgnored(String from) {
        return ignored.stream().anyMatch(i -> i.from().equals(from));
    }

    /** Collects a report while a reader works through a document. */
    static final class Builder {
        private final String format;
        private final List<Mapped> mapped = new ArrayList<>();
        private final List<Ignored> ignored = new ArrayList<>();
        private final List<String> guesses = new ArrayList<>();

        Builder(String format) {
            this.format = format;
        }

        Builder mapped(String from, String to) {
            mapped.add(new Mapped(from, to));
            return this;
        }

        Builder ignored(String from, String reason) {
            ignored.add(new Ignored(from, reason));
            return this;
        }

        Builder guess(String guess) {
            guesses.add(guess);
            return this;
        }

        boolean hasGuess(String prefix) {
            return guesses.stream().anyMatch(g -> g.startsWith(prefix));
        }

        ImportReport build() {
            return new ImportReport(format, mapped, ignored, guesses);
        }
    }
}
