package io.trajectory.etl.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM whose stdout and stderr are copied, line by line as they come, to log files and
 * kept in memory, so a test can wait for a line and then act (e.g. kill the process). Closing it
 * kills the process and everything it started, hard, if it is still running.
 */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path stdoutLog;
    private final Path stderrLog;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread outPump;
    private final Thread errPump;
    private final long startedNanos = System.nanoTime();
    private volatile long endedNanos;

    /** Children still running when the test JVM exits (e.g. failsafe's timeout) are killed then. */
    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ChildProcess::close), "kill-children"));
    }

    private ChildProcess(String name, Process process, Path logDir) {
        this.name = name;
        this.process = process;
        RUNNING.add(this);
        this.stdoutLog = logDir.resolve(name + ".out");
        this.stderrLog = logDir.resolve(name + ".err");
        this.outPump = pump(process.getInputStream(), stdoutLog, stdout);
        this.errPump = pump(process.getErrorStream(), stderrLog, stderr);
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workingDir, Path logDir)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
        pb.environment().putAll(env);
        Files.createDirectories(logDir);
        Files.writeString(logDir.resolve(name + ".cmd"), String.join(" ", command) + "\n", StandardCharsets.UTF_8);
        return new ChildProcess(name, pb.start(), logDir);
    }

    /** {@code java -Xmx.. -jar <etl jar> args...} with Spark kept on loopback, as ./trajectory runs it. */
    static ChildProcess etl(String name, Path logDir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ItSupport.javaBin(), "-Xmx1g"));
        cmd.addAll(ItSupport.CHILD_JVM_OPTS);
        cmd.addAll(List.of("-jar", ItSupport.etlJar().toString()));
        cmd.addAll(List.of(args));
        return start(name, cmd, Map.of("SPARK_LOCAL_IP", "127.0.0.1"), logDir, logDir);
    }

    private Thread pump(InputStream in, Path log, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                 PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                for (String line; (line = r.readLine()) != null; ) {
                    w.println(line);
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process went away: nothing more to copy
            } finally {
                synchronized (lines) {
                    lines.notifyAll();
                }
            }
        }, name + "-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Waits until a stdout line matches, the process exits, or the timeout passes. Returns the
     * line, or null when the process ended (or time ran out) without printing one.
     */
    String awaitStdout(Predicate<String> match, Duration timeout) throws InterruptedException {
        return await(stdout, outPump, match, timeout);
    }

    /** The same for stderr (where Spark's daemons log). */
    String awaitStderr(Predicate<String> match, Duration timeout) throws InterruptedException {
        return await(stderr, errPump, match, timeout);
    }

    private String await(List<String> lines, Thread pump, Predicate<String> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (match.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !pump.isAlive())) {
                    return null;
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
    }

    /** Waits for the process to exit; kills it (and fails) if it takes longer than the timeout. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError(name + " did not finish within " + timeout + "; killed it.\n" + logs(40));
        }
        endedNanos = System.nanoTime();
        outPump.join(10_000);
        errPump.join(10_000);
        return process.exitValue();
    }

    /** SIGKILL, no shutdown hooks: what a power cut or the OOM killer does. Returns the exit code. */
    int kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " survived SIGKILL for 30 s");
        }
        endedNanos = System.nanoTime();
        outPump.join(10_000);
        errPump.join(10_000);
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String stdout() {
        synchronized (stdout) {
            return String.join("\n", stdout);
        }
    }

    String stderr() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    /** From start to exit (as seen by waitFor or kill), or to now while it runs. */
    long elapsedNanos() {
        long end = endedNanos;
        return (end == 0 ? System.nanoTime() : end) - startedNanos;
    }

    /** The stage lines ({@code [  12.3s] lake ...}) and the tail of stderr, for messages. */
    String logs(int stderrLines) {
        return ItSupport.tail(stdoutLog, 60) + "\n" + ItSupport.tail(stderrLog, stderrLines);
    }

    @Override
    public void close() {
        RUNNING.remove(this);
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
