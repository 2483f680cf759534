package io.masthead.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A live process's peak resident set size ({@code VmHWM} in {@code /proc/<pid>/status}). */
final class PeakRss {
    private PeakRss() {
    }

    static double megabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0; // kB
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/status (Linux only, process must be alive)", e);
        }
        throw new IllegalStateException("no VmHWM in /proc/" + pid + "/status");
    }
}
