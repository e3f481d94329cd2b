package io.trajectory.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What the JDK and, where it has nothing, Linux's {@code /proc} tell about a process and the
 * machine. CPU time comes from {@link ProcessHandle} (any process, children included) and the
 * {@code com.sun.management} MXBean (this process); the load average and the memory size from
 * the operating-system MXBean.
 *
 * <p>{@code /proc} stays only for what no Java API gives: the resident set of another process
 * ({@code VmRSS}) and the kernel's own peak of it ({@code VmHWM}, "high water mark") from
 * {@code /proc/<pid>/status}, which include native memory such as DuckDB's that no memory MXBean
 * sees; and the CPU model's name from {@code /proc/cpuinfo}. Elsewhere (or once the process has
 * gone) those are unknown and -1.
 */
final class ProcessStats {

    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

    private ProcessStats() {
    }

    /** {@code [VmRSS, VmHWM]} in kB from {@code /proc/<pid>/status}, each -1 when not known. */
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

    /** User plus system CPU seconds of the process (all its threads) so far, or -1. */
    static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }

    /** This JVM's CPU seconds so far (DuckDB's native threads included), or -1. */
    static double ownCpuSeconds() {
        if (OS instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1e9;
        }
        return cpuSeconds(ProcessHandle.current());
    }

    /** The 1-minute load average, or NaN. */
    static double loadAverage() {
        double load = OS.getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }

    /** The machine's memory in kB, or -1. */
    static long totalMemoryKb() {
        return OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() / 1024 : -1;
    }

    /** The CPU model, e.g. {@code AMD EPYC 7B13}, from {@code /proc/cpuinfo} (no Java API names it). */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return "unknown CPU";
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
