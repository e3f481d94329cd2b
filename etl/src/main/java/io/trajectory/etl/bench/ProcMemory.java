package io.trajectory.etl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads a process's memory from Linux's {@code /proc/<pid>/status}: {@code VmRSS} (resident set
 * now) and {@code VmHWM} (the kernel's own peak of the resident set, "high water mark"). Both are
 * in kB. Also its CPU time from {@code /proc/<pid>/stat} and the machine's load average, so a
 * timing taken on a busy machine says so. Elsewhere (or once the process has gone) nothing is
 * known and every value is -1.
 */
final class ProcMemory {

    private ProcMemory() {
    }

    /** Whether this machine has {@code /proc/<pid>/status} at all (Linux). */
    static boolean supported() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }

    /** {@code [VmRSS, VmHWM]} in kB, each -1 when not present. */
    static long[] read(long pid) {
        long[] out = {-1, -1};
        String status;
        try {
            status = Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return out; // gone, or not Linux
        }
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                out[0] = kilobytes(line).orElse(-1);
            } else if (line.startsWith("VmHWM:")) {
                out[1] = kilobytes(line).orElse(-1);
            }
        }
        return out;
    }

    /** The kernel's clock tick (USER_HZ), 100 on every mainstream Linux build. */
    static final double TICKS_PER_SECOND = 100.0;

    /** User plus system CPU seconds of the process (all its threads) so far, or -1. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The 1-minute load average, or NaN. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** {@code "VmHWM:\t  123456 kB"} to 123456. */
    static OptionalLong kilobytes(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        try {
            return OptionalLong.of(Long.parseLong(parts[0]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
