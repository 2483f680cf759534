package io.masthead.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux reports about a live process: peak resident set size ({@code VmHWM} in
 * {@code /proc/<pid>/status}) and CPU time used so far ({@code utime + stime} in
 * {@code /proc/<pid>/stat}). CPU time shows the work done whatever else the machine is running.
 */
final class ProcessProbe {
    /** USER_HZ: the unit of utime and stime, 100 on every mainstream Linux build. */
    private static final double TICK_MS = 10.0;

    private ProcessProbe() {
    }

    static double peakRssMb(long pid) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) / 1024.0; // kB
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/" + pid + "/status");
    }

    static double cpuMs(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name (field 2) may hold spaces: count fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MS; // utime, stime
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (Linux only, the process must be alive)", e);
        }
    }
}
