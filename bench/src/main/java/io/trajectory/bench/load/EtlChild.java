package io.trajectory.bench.load;

import io.trajectory.etl.cli.TrajectoryEtl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@code trajectory etl} as a child JVM, the way the service's refresh does: the same java
 * binary as this process and the ETL jar on its class path. Streams the child's output (standard
 * output and error together) to the console with a prefix and into a log file, and samples the
 * child's CPU time ({@link ProcessHandle}) and resident memory ({@code /proc}, see
 * {@link ProcessStats}) every {@value #SAMPLE_MILLIS} ms.
 */
final class EtlChild {

    static final long SAMPLE_MILLIS = 100;

    /** Spark's module openings, only needed when not started with {@code -jar} (the jar's manifest has them). */
    private static final List<String> SPARK_OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");

    /**
     * One finished child.
     *
     * @param seconds    wall time from starting the process to its exit (JVM start-up included)
     * @param peakRssKb  the child's peak resident set in kB: the larger of its last {@code VmHWM}
     *                   (read at most {@value #SAMPLE_MILLIS} ms before it exited) and every sampled
     *                   {@code VmRSS}; -1 when {@code /proc} is not available
     * @param cpuSeconds user + system CPU time of the child (all threads), as last sampled; -1 unknown
     * @param loadAverage the machine's highest 1-minute load average seen while it ran (other work
     *                   on the machine slows a child down; CPU time is less affected)
     * @param output     every line it printed
     * @param stageMarks the child's CPU time when it printed each stage line ({@code [  12.3s] name ...}), in
     *                   order, so each stage's CPU time is known even on a busy machine
     */
    record Run(String label, List<String> command, int exitCode, double seconds, long peakRssKb, long samples,
               double cpuSeconds, double loadAverage, List<String> output, List<Mark> stageMarks) {

        double peakRssMb() {
            return peakRssKb < 0 ? Double.NaN : peakRssKb / 1024.0;
        }
    }

    /** When the child printed a stage line: wall seconds since it started, and its CPU seconds then. */
    record Mark(String line, double wallSeconds, double cpuSeconds) {
    }

    private final List<String> jvmOptions;
    private final PrintStream console;
    private final Path logDir;

    EtlChild(List<String> jvmOptions, PrintStream console, Path logDir) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.console = console;
        this.logDir = logDir;
    }

    /** The java binary this JVM runs on. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The ETL jar on this JVM's class path, or null when the ETL's classes come from a folder (an IDE, tests). */
    static Path etlJar() {
        try {
            Path p = Path.of(TrajectoryEtl.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** {@code java <jvm options> -jar <etl jar> etl <args>} (or {@code -cp} the class path outside a jar). */
    List<String> command(List<String> etlArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(jvmOptions);
        Path jar = etlJar();
        if (jar != null) {
            cmd.add("-jar");
            cmd.add(jar.toString());
        } else {
            cmd.addAll(SPARK_OPENS);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(TrajectoryEtl.class.getName());
        }
        cmd.add("etl");
        cmd.addAll(etlArgs);
        return cmd;
    }

    /** The command as shown: a class path (only outside a jar) is abbreviated, the module openings too. */
    static String display(List<String> cmd) {
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < cmd.size(); k++) {
            String a = cmd.get(k);
            if (a.equals("-cp") && k + 1 < cmd.size()) {
                shown.add("-cp <class path of this JVM>");
                k++;
            } else if (!SPARK_OPENS.contains(a)) {
                shown.add(a);
            } else if (a.equals(SPARK_OPENS.get(0))) {
                shown.add("<Spark's --add-opens>");
            }
        }
        return String.join(" ", shown);
    }

    Run run(String label, List<String> etlArgs) throws IOException, InterruptedException {
        List<String> cmd = command(etlArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        Files.createDirectories(logDir);
        Path log = logDir.resolve(label + ".log");
        String prefix = String.format("  %-11s| ", label);
        console.println("$ " + display(cmd));
        console.flush();

        List<String> output = Collections.synchronizedList(new ArrayList<>());
        List<Mark> marks = new ArrayList<>();
        AtomicLong maxRss = new AtomicLong(-1);
        AtomicLong lastHwm = new AtomicLong(-1);
        AtomicLong samples = new AtomicLong();
        AtomicLong cpuMillis = new AtomicLong(-1);
        AtomicLong loadCenti = new AtomicLong(Math.round(100 * ProcessStats.loadAverage()));

        long started = System.nanoTime();
        Process process = pb.start();
        long pid = process.pid();
        ProcessHandle handle = process.toHandle();
        Thread sampler = new Thread(() -> {
            while (process.isAlive()) {
                long[] m = ProcessStats.read(pid);
                if (m[0] >= 0) {
                    maxRss.accumulateAndGet(m[0], Math::max);
                    samples.incrementAndGet();
                }
                if (m[1] >= 0) {
                    lastHwm.accumulateAndGet(m[1], Math::max);
                }
                double cpu = ProcessStats.cpuSeconds(handle);
                if (cpu >= 0) {
                    cpuMillis.accumulateAndGet(Math.round(cpu * 1000), Math::max);
                }
                if (samples.get() % 10 == 0) {
                    loadCenti.accumulateAndGet(Math.round(100 * ProcessStats.loadAverage()), Math::max);
                }
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "benchmark-rss-" + pid);
        sampler.setDaemon(true);
        sampler.start();

        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer logOut = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            logOut.write("$ " + String.join(" ", cmd) + "\n");
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("[") && EtlOutput.isStageLine(line)) {
                    marks.add(new Mark(line, (System.nanoTime() - started) / 1e9, ProcessStats.cpuSeconds(handle)));
                }
                output.add(line);
                logOut.write(line);
                logOut.write('\n');
                console.println(prefix + line);
                console.flush();
            }
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join(1000);

        long peak = Math.max(maxRss.get(), lastHwm.get());
        double cpu = cpuMillis.get() / 1000.0;
        double load = loadCenti.get() / 100.0;
        console.printf("  %-11s| exit %d after %.1f s wall, %.1f s CPU, peak RSS %s (%d samples), load average up to %.1f;"
                        + " full output in %s%n", label, exit, seconds, cpu,
                peak < 0 ? "unknown" : String.format("%.0f MB", peak / 1024.0), samples.get(), load, log);
        console.flush();
        return new Run(label, cmd, exit, seconds, peak, samples.get(), cpu, load, List.copyOf(output), List.copyOf(marks));
    }
}
