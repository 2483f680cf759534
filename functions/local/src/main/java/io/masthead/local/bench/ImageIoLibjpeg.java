package io.masthead.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which libjpeg the JDK's ImageIO runs on. A JDK built against the system's library (Debian's
 * OpenJDK links libjpeg-turbo, with SIMD) reads and writes JPEGs about twice as fast as one that
 * carries OpenJDK's own copy of libjpeg 6b (Temurin, for one), so card timings name it. Read from
 * the libraries the process has mapped, once ImageIO has been used.
 */
public final class ImageIoLibjpeg {
    private ImageIoLibjpeg() {
    }

    /** This process's libjpeg, or "unknown" where /proc/self/maps is not there to tell. */
    public static String describe() {
        return describe(Path.of("/proc/self/maps"));
    }

    /** The libjpeg of a live process (a benchmark's function JVM), or "unknown". */
    static String describe(long pid) {
        return describe(Path.of("/proc", Long.toString(pid), "maps"));
    }

    private static String describe(Path maps) {
        try {
            return describe(Files.readAllLines(maps));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** @param maps lines in the format of /proc/PID/maps */
    static String describe(List<String> maps) {
        String bundled = null;
        for (String line : maps) {
            int slash = line.lastIndexOf('/');
            if (slash < 0) continue;
            String path = line.substring(line.indexOf('/'));
            String name = line.substring(slash + 1);
            if (name.startsWith("libjpeg.so")) return "system " + path;
            if (name.equals("libjavajpeg.so")) bundled = "bundled libjpeg 6b in " + path;
        }
        return bundled != null ? bundled : "unknown";
    }
}
