package io.trajectory.etl.generate;

import io.trajectory.warehouse.period.FiscalQuarter;
import org.apache.commons.io.file.PathUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A deterministic synthetic national landing zone of any size, written to the input contract in
 * {@code docs/landing-zone.md}: many authorities sharing one indicator register, each measured
 * against its own plan. It holds the register (the whole authority's plan, which no authority's
 * figures are measured against), {@code areas.csv} (every authority, coded {@code E0600001}, ...,
 * with an invented name, and optionally its districts {@code E0600001-D01}, ...),
 * {@code area_targets.csv} (each authority's own baseline and targets for every indicator, from
 * its profile: see {@link SyntheticPlans}; and some districts'), explicit trajectories for a few
 * indicators, {@code comparison_groups.csv} (nearest-neighbour groups of about 15 similar
 * authorities, and regions), and for each quarter a return with one row per area and indicator
 * (no whole-authority rows), restatements of earlier quarters, a small commitments report and a
 * sign-off.
 *
 * <p><b>Determinism.</b> Each cell (authority, indicator, quarter) depends only on the seed, the
 * first quarter and those indexes, never on how many authorities, districts, indicators or
 * quarters are written; a district's cells also on how many districts share its authority's
 * counts. The definitions do not depend on the number of quarters
 * either: every indicator runs over a fixed horizon of {@value #TARGET_HORIZON_QUARTERS} quarters
 * from the first quarter (baseline the quarter before, target at the horizon's last quarter),
 * whatever {@code quarters} is. So a zone written with 41 quarters is byte-identical to one
 * written with 40 plus one more quarter folder; with {@link Options#onlyMissing()} a benchmark
 * adds that quarter cheaply. (The comparison groups are cut from all the authorities, so they
 * change with their number, as CIPFA's do.)
 *
 * <p><b>Writing.</b> The definition files and the quarters are written in parallel, each file
 * beside its final name and each quarter into a staging folder that is
 * renamed into {@code returns/} when complete, so a quarter folder that exists is complete.
 * Instances are immutable and thread-safe.
 */
public final class SyntheticLandingZone {

    /** The quarters from the first quarter to every indicator's target period (inclusive). */
    public static final int TARGET_HORIZON_QUARTERS = 40;
    public static final FiscalQuarter DEFAULT_FIRST_QUARTER = FiscalQuarter.of(2008, 1);
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_NOT_AVAILABLE_RATE = 0.03;
    public static final double DEFAULT_RESTATEMENT_RATE = 0.005;

    static final String STAGING_FOLDER = ".generate-staging";

    /**
     * What to generate.
     *
     * @param authorities       1 to {@value #MAX_AUTHORITIES}; each is an area {@code E0600001} ...
     * @param districts         0 to {@value #MAX_DISTRICTS} districts per authority, each an area
     *                          {@code E0600001-D01} ... within it, with a row of its own in every return
     * @param indicators        1 to {@value #MAX_INDICATORS}; refs {@code NI 001} ...
     * @param quarters          1 to {@value #MAX_QUARTERS} quarter folders from {@code firstQuarter}
     * @param firstQuarter      the first quarter with a return
     * @param seed              any value; the same seed gives the same bytes
     * @param notAvailableRate  share of rows sent as NOT_AVAILABLE with no figure, 0 to 1
     * @param restatementRate   share of (authority, indicator) cells whose return also restates
     *                          an earlier quarter's figure, 0 to 1
     */
    public record Spec(int authorities, int districts, int indicators, int quarters, FiscalQuarter firstQuarter,
                       long seed, double notAvailableRate, double restatementRate) {

        public static final int MAX_AUTHORITIES = 99_999;
        public static final int MAX_DISTRICTS = 99;
        public static final int MAX_INDICATORS = 9_999;
        public static final int MAX_QUARTERS = 400;

        public Spec {
            Objects.requireNonNull(firstQuarter, "firstQuarter");
            if (authorities < 1 || authorities > MAX_AUTHORITIES) {
                throw new IllegalArgumentException("authorities must be 1 to " + MAX_AUTHORITIES + ", not " + authorities);
            }
            if (districts < 0 || districts > MAX_DISTRICTS) {
                throw new IllegalArgumentException("districts must be 0 to " + MAX_DISTRICTS + ", not " + districts);
            }
            if (indicators < 1 || indicators > MAX_INDICATORS) {
                throw new IllegalArgumentException("indicators must be 1 to " + MAX_INDICATORS + ", not " + indicators);
            }
            if (quarters < 1 || quarters > MAX_QUARTERS) {
                throw new IllegalArgumentException("quarters must be 1 to " + MAX_QUARTERS + ", not " + quarters);
            }
            if (!(notAvailableRate >= 0 && notAvailableRate <= 1)) {
                throw new IllegalArgumentException("notAvailableRate must be 0 to 1, not " + notAvailableRate);
            }
            if (!(restatementRate >= 0 && restatementRate <= 1)) {
                throw new IllegalArgumentException("restatementRate must be 0 to 1, not " + restatementRate);
            }
            try {
                firstQuarter.minusQuarters(4);
                firstQuarter.plusQuarters(Math.max(quarters, TARGET_HORIZON_QUARTERS) + 4L);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new IllegalArgumentException("firstQuarter " + firstQuarter + " leaves no room for "
                        + Math.max(quarters, TARGET_HORIZON_QUARTERS) + " quarters: " + e.getMessage(), e);
            }
        }

        /** The national benchmark: 350 authorities × 300 indicators × 40 quarters from 2008/09 Q1, no districts, seed 42. */
        public static Spec national() {
            return of(350, 300, 40);
        }

        /** The given size with no districts and the default first quarter, seed and rates. */
        public static Spec of(int authorities, int indicators, int quarters) {
            return new Spec(authorities, 0, indicators, quarters, DEFAULT_FIRST_QUARTER, DEFAULT_SEED,
                    DEFAULT_NOT_AVAILABLE_RATE, DEFAULT_RESTATEMENT_RATE);
        }

        public Spec withDistricts(int districts) {
            return new Spec(authorities, districts, indicators, quarters, firstQuarter, seed, notAvailableRate,
                    restatementRate);
        }

        public Spec withQuarters(int quarters) {
            return new Spec(authorities, districts, indicators, quarters, firstQuarter, seed, notAvailableRate,
                    restatementRate);
        }

        public Spec withFirstQuarter(FiscalQuarter firstQuarter) {
            return new Spec(authorities, districts, indicators, quarters, firstQuarter, seed, notAvailableRate,
                    restatementRate);
        }

        public Spec withSeed(long seed) {
            return new Spec(authorities, districts, indicators, quarters, firstQuarter, seed, notAvailableRate,
                    restatementRate);
        }

        public Spec withRates(double notAvailableRate, double restatementRate) {
            return new Spec(authorities, districts, indicators, quarters, firstQuarter, seed, notAvailableRate,
                    restatementRate);
        }

        /** The last quarter with a return. */
        public FiscalQuarter lastQuarter() {
            return firstQuarter.plusQuarters(quarters - 1L);
        }

        /** Areas with figures: the authorities and their districts. */
        public long areas() {
            return authorities * (1L + districts);
        }
    }

    /**
     * How to write.
     *
     * @param onlyMissing skip quarter folders (and definition files) that already exist
     * @param threads     files written at once (definition files and quarters), at least 1
     * @param progress    told about each quarter as it is written or skipped, one call at a time
     *                    (in completion order, which is not always quarter order)
     */
    public record Options(boolean onlyMissing, int threads, Consumer<QuarterWritten> progress) {

        public Options {
            Objects.requireNonNull(progress, "progress");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
        }

        /** Write everything, on up to 4 threads (no more than the machine's processors), silently. */
        public static Options defaults() {
            return new Options(false, defaultThreads(), quarter -> { });
        }

        public static int defaultThreads() {
            return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        }

        public Options withOnlyMissing(boolean onlyMissing) {
            return new Options(onlyMissing, threads, progress);
        }

        public Options withThreads(int threads) {
            return new Options(onlyMissing, threads, progress);
        }

        public Options withProgress(Consumer<QuarterWritten> progress) {
            return new Options(onlyMissing, threads, progress);
        }
    }

    /**
     * One quarter folder, written or skipped.
     *
     * @param rows          rows in its {@code indicators.csv}, restatements included (0 when skipped)
     * @param restatements  of which restate an earlier quarter
     * @param bytes         size of the folder's files (0 when skipped)
     */
    public record QuarterWritten(FiscalQuarter quarter, boolean skipped, int files, long rows, long restatements,
                                 long bytes) {
    }

    /**
     * What a write produced.
     *
     * @param files            files written (definitions and quarter files)
     * @param rows             indicator return rows written ({@code returns/*}{@code /indicators.csv}),
     *                         restatements included
     * @param restatementRows  of which restate an earlier quarter
     * @param bytes            bytes written in all files
     * @param quartersWritten  quarter folders written
     * @param quartersSkipped  quarter folders left as they were ({@link Options#onlyMissing()})
     */
    public record Summary(int files, long rows, long restatementRows, long bytes, int quartersWritten,
                          int quartersSkipped) {
    }

    private final Spec spec;
    private final Quarters quarters;
    private final List<SyntheticIndicator> register;
    private final List<SyntheticAuthority> authorities;
    private final SyntheticPlans plans;
    private final SyntheticReturns returns;

    public SyntheticLandingZone(Spec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        Draws draws = new Draws(spec.seed());
        this.quarters = new Quarters(spec.firstQuarter());
        this.register = SyntheticIndicator.register(draws, quarters, spec.indicators());
        this.authorities = SyntheticAuthority.all(draws, spec.authorities(), spec.districts());
        this.plans = new SyntheticPlans(draws, spec.authorities(), spec.districts(), spec.indicators());
        this.returns = new SyntheticReturns(draws, quarters, register, authorities, plans,
                spec.notAvailableRate(), spec.restatementRate());
    }

    public Spec spec() {
        return spec;
    }

    /** Writes the whole zone under {@code out} (created if missing), overwriting files that exist. */
    public Summary write(Path out) throws IOException {
        return write(out, Options.defaults());
    }

    /**
     * Writes the zone under {@code out} (created if missing). Files of the zone that exist are
     * overwritten, unless {@code onlyMissing}, when existing definition files and quarter folders
     * are left alone. Other files under {@code out} are never touched.
     */
    public Summary write(Path out, Options options) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        Path definitions = Files.createDirectories(out.resolve("definitions"));
        Path returnsFolder = Files.createDirectories(out.resolve("returns"));
        Path staging = out.resolve(STAGING_FOLDER);

        List<Definition> definitionFiles = List.of(
                new Definition("indicators.csv", file -> SyntheticDefinitions.writeIndicators(file, register, quarters)),
                new Definition("trajectories.csv",
                        file -> SyntheticDefinitions.writeTrajectories(file, register, authorities, plans, quarters)),
                new Definition("areas.csv", file -> SyntheticDefinitions.writeAreas(file, authorities)),
                new Definition("area_targets.csv",
                        file -> SyntheticDefinitions.writeAreaTargets(file, register, authorities, plans, quarters)),
                new Definition("comparison_groups.csv",
                        file -> SyntheticDefinitions.writeComparisonGroups(file, authorities)));

        Object progressLock = new Object();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), spec.quarters()), task -> {
            Thread thread = new Thread(task, "generate-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        int files = 0;
        long bytes = 0;
        List<QuarterWritten> written = new ArrayList<>(spec.quarters());
        try {
            // The definitions are written beside the first quarters: the area plans take a while at national size.
            List<Future<Long>> definitionBytes = new ArrayList<>(definitionFiles.size());
            for (Definition definition : definitionFiles) {
                Path file = definitions.resolve(definition.name());
                definitionBytes.add(pool.submit(() -> {
                    if (options.onlyMissing() && Files.exists(file)) {
                        return -1L;
                    }
                    writeReplacing(file, definition.writer());
                    return Files.size(file);
                }));
            }
            List<Future<QuarterWritten>> quarterFutures = new ArrayList<>(spec.quarters());
            for (int t = 0; t < spec.quarters(); t++) {
                int index = t;
                quarterFutures.add(pool.submit(() -> {
                    QuarterWritten result = writeQuarter(returnsFolder, staging, index, options.onlyMissing());
                    synchronized (progressLock) {
                        options.progress().accept(result);
                    }
                    return result;
                }));
            }
            for (Future<Long> future : definitionBytes) {
                long size = future.get();
                if (size >= 0) {
                    files++;
                    bytes += size;
                }
            }
            for (Future<QuarterWritten> future : quarterFutures) {
                written.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the landing zone", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
        deleteIfEmpty(staging);

        long rows = 0;
        long restatements = 0;
        int quartersWritten = 0;
        for (QuarterWritten q : written) {
            files += q.files();
            rows += q.rows();
            restatements += q.restatements();
            bytes += q.bytes();
            quartersWritten += q.skipped() ? 0 : 1;
        }
        return new Summary(files, rows, restatements, bytes, quartersWritten, written.size() - quartersWritten);
    }

    private QuarterWritten writeQuarter(Path returnsFolder, Path staging, int t, boolean onlyMissing)
            throws IOException {
        FiscalQuarter quarter = quarters.quarter(t);
        Path target = returnsFolder.resolve(quarter.folderName());
        if (onlyMissing && Files.exists(target)) {
            return new QuarterWritten(quarter, true, 0, 0, 0, 0);
        }
        Path work = staging.resolve(quarter.folderName());
        if (Files.exists(work)) {
            PathUtils.cleanDirectory(work);
        }
        Files.createDirectories(work);
        SyntheticReturns.Counts counts = returns.writeIndicators(work.resolve("indicators.csv"), t);
        returns.writeCommitments(work.resolve("commitments.csv"), t);
        returns.writeSignoff(work.resolve("signoff.json"), t);

        List<Path> written = List.of(work.resolve("indicators.csv"), work.resolve("commitments.csv"),
                work.resolve("signoff.json"));
        long bytes = 0;
        for (Path file : written) {
            bytes += Files.size(file);
        }
        publish(work, target, written);
        return new QuarterWritten(quarter, false, written.size(), counts.rows(), counts.restatements(), bytes);
    }

    /** Moves a finished staging folder into place: whole when the target is new, file by file over an existing one. */
    private static void publish(Path work, Path target, List<Path> files) throws IOException {
        if (!Files.exists(target)) {
            try {
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (AtomicMoveNotSupportedException e) {
                Files.createDirectories(target);
            }
        }
        for (Path file : files) {
            Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.delete(work);
    }

    @FunctionalInterface
    private interface FileWriter {
        void write(Path file) throws IOException;
    }

    private record Definition(String name, FileWriter writer) {
    }

    /** Writes beside the target and renames over it, so a reader never sees half a file. */
    private static void writeReplacing(Path target, FileWriter writer) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        writer.write(temporary);
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            if (entries.iterator().hasNext()) {
                return;
            }
        }
        Files.delete(folder);
    }
}
