package io.trajectory.etl.job;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** Prints a load's progress: numbered stages with elapsed time, and the lines within them. */
public final class Progress {

    private final PrintStream out;
    private final Instant started = Instant.now();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void stage(String name, String what) {
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

    private double elapsed() {
        return Duration.between(started, Instant.now()).toMillis() / 1000.0;
    }
}
