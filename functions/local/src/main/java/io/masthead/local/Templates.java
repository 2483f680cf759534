package io.masthead.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finding template.yaml and showing paths the way a person typed them. */
final class Templates {
    private Templates() {
    }

    static Path locate(Path template) {
        if (!Files.isRegularFile(template)) {
            throw new Arguments.UsageException("no " + template + " here; run from the repository root "
                    + "(where template.yaml is) or pass --template PATH");
        }
        return template.toAbsolutePath().normalize();
    }

    /** Relative to the working directory when inside it, so it can be pasted into a shell. */
    static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}
