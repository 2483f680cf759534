package io.masthead.local.backfill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The keys a backfill has finished (succeeded, skipped or permanently failed), one per line,
 * appended as each batch completes, so an interrupted run resumes where it stopped.
 */
public final class ProgressFile {
    private final Path file;

    public ProgressFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    public Set<String> completed() {
        if (!Files.exists(file)) {
            return Set.of();
        }
        try {
            Set<String> keys = new HashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    keys.add(BatchManifest.decode(line));
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public synchronized void record(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        keys.forEach(k -> lines.append(BatchOperationsEvent.encodeKey(k)).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public void reset() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
