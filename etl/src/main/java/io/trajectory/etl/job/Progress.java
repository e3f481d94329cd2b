package io.trajectory.etl.job;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints a load's progress: numbered stages with elapsed time, and the lines within them. Also
 * keeps each stage's time, for the load summary.
 */
public final class Progress {

    private final PrintStream out;
    private final Instant started = Instant.now();
    private final Map<String, Long> stageMillis = new LinkedHashMap<>();
    private String stage;
    private long stageStartedNanos;

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void stage(String name, String what) {
        closeStage();
        stage = name;
        stageStartedNanos = System.nanoTime();
        out.printf("[%6.1fs] %-11s %s%n", elapsed(), name, what);
        out.flush();
    }

    public void info(String line) {
        out.printf("%21s%s%n", "", line);
        out.flush();
    }

    public void warn(String line) {
        out.printf("%21swarning: %s%n", "", line);
        out.flush();
    }

    /** When the load started. */
    public Instant started() {
        return started;
    }

    /** Milliseconds per stage so far, in the order run; the stage running now counts up to this moment. */
    public synchronized Map<String, Long> timings() {
        Map<String, Long> copy = new LinkedHashMap<>(stageMillis);
        if (stage != null) {
            copy.merge(stage, Duration.ofNanos(System.nanoTime() - stageStartedNanos).toMillis(), Long::sum);
        }
        return Collections.unmodifiableMap(copy);
    }

    private synchronized void closeStage() {
        if (stage != null) {
            stageMillis.merge(stage, Duration.ofNanos(System.nanoTime() - stageStartedNanos).toMillis(), Long::sum);
        }
    }

    private double elapsed() {
        return Duration.between(started, Instant.now()).toMillis() / 1000.0;
    }
}
