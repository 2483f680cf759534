package io.masthead.local;

import java.nio.file.Path;

/** Showing paths the way a person typed them. */
final class DisplayPath {
    private DisplayPath() {
    }

    /** Relative to the working directory when inside it, so it can be pasted into a shell. */
    static String of(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}
