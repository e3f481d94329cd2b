package io.trajectory.bench.load;

import io.trajectory.etl.generate.SyntheticLandingZone.Spec;
import io.trajectory.warehouse.cli.TextTable;
import io.trajectory.warehouse.snapshot.Snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The benchmark's results as Markdown (which also reads well on a console). */
record Report(String started, BenchmarkCommand.Machine machine, Spec spec, String etlHeap, List<String> etlArgs,
              BenchmarkCommand.Generated generated, long zoneBytes,
              EtlChild.Run full, EtlOutput fullOut, EtlChild.Run incremental, EtlOutput incOut, double addSeconds,
              EtlChild.Run noop, EtlOutput noopOut,
              DuckDbReference.Result reference, long referenceHwmKb, double referenceLoad,
              Snapshot snapshot, long snapshotBytes, SnapshotQueries.Result queries, Path work) {

    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("### Run of ").append(started).append("\n\n");
        sb.append("- ").append(machine.summary()).append('\n');
        sb.append(String.format(Locale.ROOT, "- size: %,d authorities%s x %,d indicators x %,d quarters = %,d return rows, "
                        + "%.1f MB of landing zone; the incremental quarter adds %,d rows%n",
                spec.authorities(), spec.districts() == 0 ? "" : " (" + spec.districts() + " districts each)",
                spec.indicators(), spec.quarters(), generated.rows(), zoneBytes / 1e6, incOut.rowsRead()));
        sb.append("- ETL child JVM: -Xmx").append(etlHeap).append(", Spark local[*]")
                .append(etlArgs.isEmpty() ? "" : ", extra etl arguments " + String.join(" ", etlArgs)).append('\n');
        if (reference != null) {
            sb.append("- DuckDB reference: ").append(reference.version()).append(", ").append(reference.threads())
                    .append(" threads, in the benchmark's own JVM\n");
        }
        sb.append('\n');
        sb.append(loads()).append('\n');
        sb.append(aims()).append('\n');
        sb.append("#### Where the load time goes (seconds, from the ETL's own stage timings)\n\n");
        sb.append(stages()).append('\n');
        sb.append("#### Publish steps (ms, DuckDB building the snapshot from the lake)\n\n");
        sb.append(publishSteps()).append('\n');
        sb.append(String.format(Locale.ROOT, "#### Queries on snapshot v%d (%.0f MB, %s), read-only JDBC, median of %d runs%n%n",
                snapshot.version(), snapshotBytes / 1e6, snapshot.file().getFileName(),
                queries.timings().isEmpty() ? 0 : queries.timings().get(0).runs()));
        SnapshotQueries.Parameters p = queries.parameters();
        sb.append(String.format(Locale.ROOT, "Parameters: indicator %s, area %s (area_key %d), quarters %d -> %d. "
                + "Opening the snapshot: %.0f ms.%n%n", p.indicatorRef(), p.areaCode(), p.areaKey(), p.previousPeriod(),
                p.period(), queries.openMs()));
        sb.append(queryTable()).append('\n');
        sb.append("#### Commands run\n\n```\n");
        for (EtlChild.Run r : List.of(full, incremental, noop)) {
            sb.append("# ").append(r.label()).append('\n').append(EtlChild.display(r.command())).append('\n');
        }
        sb.append("```\n\nFull child output: ").append(work.resolve("logs")).append("/{full-load,incremental,no-op}.log\n");
        return sb.toString();
    }

    private String loads() {
        double ref = reference == null ? Double.NaN : reference.loadSeconds();
        double refCpu = reference == null || reference.loadCpuSeconds() <= 0 ? Double.NaN : reference.loadCpuSeconds();
        TextTable t = new TextTable("measure", ">seconds", ">rows", ">rows/s", ">peak RSS MB", ">CPU s", ">load avg",
                ">x DuckDB CSV load", ">x DuckDB CPU");
        t.row(generated.reused() ? "generate landing zone (reused: check and top up)" : "generate landing zone (in-process)",
                s(generated.seconds()), n(generated.rows()), generated.reused() ? "-" : n(generated.rows() / generated.seconds()),
                "-", "-", "-", "-", "-");
        child(t, "full load, " + spec.quarters() + " quarters (etl child JVM)", full, fullOut, ref, refCpu);
        child(t, "incremental, +1 quarter (etl child JVM)", incremental, incOut, ref, refCpu);
        child(t, "no-op, nothing new (etl child JVM)", noop, noopOut, ref, refCpu);
        if (reference != null) {
            String hwm = referenceHwmKb < 0 ? "-" : "<= " + mb(referenceHwmKb / 1024.0);
            String load = Double.isNaN(referenceLoad) ? "-" : String.format(Locale.ROOT, "%.1f", referenceLoad);
            t.row("DuckDB reference: definitions + returns CSV -> tables", s(reference.loadSeconds()),
                    n(reference.returnsRows()), n(reference.returnsRows() / reference.loadSeconds()), hwm,
                    cpu(reference.loadCpuSeconds()), load, "1.0x", "1.0x");
            double conformed = reference.loadSeconds() + reference.conformSeconds();
            double conformedCpu = reference.loadCpuSeconds() < 0 || reference.conformCpuSeconds() < 0 ? -1
                    : reference.loadCpuSeconds() + reference.conformCpuSeconds();
            t.row("DuckDB reference: + conform (areas, plans -> trajectories, versions, revisions), stored sorted",
                    s(conformed), n(reference.factRows()), n(reference.factRows() / conformed), hwm, cpu(conformedCpu),
                    load, ratio(conformed, ref), ratio(conformedCpu, refCpu));
        }
        String note = "\nrows/s = return rows read / wall seconds of the whole child (JVM start-up to exit). CPU s = user + "
                + "system time of the child, all threads. load avg = highest 1-minute load average seen during the run "
                + "(the child's own threads count: about 2 on an otherwise idle 2-core machine). The ratios divide by "
                + "DuckDB's CSV load in the same run: wall seconds, and CPU seconds (steadier when other work shares "
                + "the machine)."
                + (reference == null ? "" : " DuckDB's rows are cumulative (the conform row includes the load; it also "
                + "worked out " + n(reference.trajectoryRows()) + " trajectory rows from the areas' plans). Its peak "
                + "RSS is an upper bound: the benchmark JVM's own high-water mark after the reference (generation "
                + "included); its CPU s is this process's CPU over each step.") + "\n";
        return t.markdown() + note;
    }

    private static void child(TextTable t, String name, EtlChild.Run run, EtlOutput out, double ref, double refCpu) {
        t.row(name, s(run.seconds()), n(out.rowsRead()), out.rowsRead() == 0 ? "-" : n(out.rowsRead() / run.seconds()),
                mb(run.peakRssMb()), cpu(run.cpuSeconds()), String.format(Locale.ROOT, "%.1f", run.loadAverage()),
                ratio(run.seconds(), ref), ratio(run.cpuSeconds(), refCpu));
    }

    private static String cpu(double seconds) {
        return seconds < 0 ? "-" : s(seconds);
    }

    private String aims() {
        String cores = machine.processors() == 2 ? "" : " (this machine has " + machine.processors() + " processors, not 2)";
        if (spec.authorities() * (long) spec.indicators() * spec.quarters() < 350L * 300 * 40) {
            cores += " (the aims are for the national size, 350 x 300 x 40; this run is smaller)";
        }
        return String.format(Locale.ROOT, "Aims: full national load under %.0f s on 2 cores: %s (%.1f s)%s; one new quarter "
                        + "under %.0f s end to end: %s (%.1f s); no-op about 1 s: %.1f s.%n",
                BenchmarkCommand.AIM_FULL_SECONDS, full.seconds() <= BenchmarkCommand.AIM_FULL_SECONDS ? "met" : "MISSED",
                full.seconds(), cores, BenchmarkCommand.AIM_INCREMENTAL_SECONDS,
                incremental.seconds() <= BenchmarkCommand.AIM_INCREMENTAL_SECONDS ? "met" : "MISSED", incremental.seconds(),
                noop.seconds());
    }

    private String stages() {
        Set<String> names = new LinkedHashSet<>();
        names.add("jvm");
        for (EtlOutput o : List.of(fullOut, incOut, noopOut)) {
            o.stages().forEach(st -> names.add(st.name()));
        }
        TextTable t = new TextTable("stage", ">full load s", ">%", ">CPU s", ">incremental s", ">%", ">CPU s",
                ">no-op s", ">CPU s");
        for (String name : names) {
            t.row(name, stageCell(full, fullOut, name), share(full, fullOut, name), cpuCell(full, fullOut, name),
                    stageCell(incremental, incOut, name), share(incremental, incOut, name), cpuCell(incremental, incOut, name),
                    stageCell(noop, noopOut, name), cpuCell(noop, noopOut, name));
        }
        t.row("**total**", s(full.seconds()), "100%", s(full.cpuSeconds()), s(incremental.seconds()), "100%",
                s(incremental.cpuSeconds()), s(noop.seconds()), s(noop.cpuSeconds()));
        return t.markdown() + "\n`jvm` is the child's wall time outside the load's own clock (JVM start-up, class loading, "
                + "shutdown; its CPU s is the CPU used before the first stage). `spark` is starting the session and "
                + "writing the small definition tables; `returns` reads, parses and validates every return file (the "
                + "first Spark action, up to the per-file counts); `lake` writes the Parquet batch, the quarantine and "
                + "lineage tables and stops Spark; `publish` builds the DuckDB snapshot (its CPU s runs to the child's "
                + "exit). CPU s above wall s means the stage kept more than one core busy.\n";
    }

    /** CPU seconds of the stages named {@code name}, from the CPU time read as each stage line was printed. */
    private static double stageCpu(EtlChild.Run run, EtlOutput out, String name) {
        List<EtlChild.Mark> marks = run.stageMarks();
        if (marks.size() != out.stages().size() || marks.isEmpty() || marks.get(0).cpuSeconds() < 0) {
            return Double.NaN;
        }
        if (name.equals("jvm")) {
            return marks.get(0).cpuSeconds();
        }
        double sum = 0;
        boolean any = false;
        for (int k = 0; k < marks.size(); k++) {
            if (out.stages().get(k).name().equals(name)) {
                double end = k + 1 < marks.size() ? marks.get(k + 1).cpuSeconds() : run.cpuSeconds();
                sum += end - marks.get(k).cpuSeconds();
                any = true;
            }
        }
        return any ? sum : Double.NaN;
    }

    private static String cpuCell(EtlChild.Run run, EtlOutput out, String name) {
        double v = stageCpu(run, out, name);
        return Double.isNaN(v) ? "-" : s(v);
    }

    private static double stageSeconds(EtlChild.Run run, EtlOutput out, String name) {
        if (name.equals("jvm")) {
            return Double.isNaN(out.tookSeconds()) ? Double.NaN : run.seconds() - out.tookSeconds();
        }
        return out.stageSeconds(name);
    }

    private static String stageCell(EtlChild.Run run, EtlOutput out, String name) {
        double v = stageSeconds(run, out, name);
        return Double.isNaN(v) ? "-" : s(v);
    }

    private static String share(EtlChild.Run run, EtlOutput out, String name) {
        double v = stageSeconds(run, out, name);
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * v / run.seconds());
    }

    private String publishSteps() {
        Set<String> names = new LinkedHashSet<>();
        for (EtlOutput o : List.of(fullOut, incOut, noopOut)) {
            o.publishSteps().forEach(st -> names.add(st.name()));
        }
        if (names.isEmpty()) {
            return "(no publish step timings were printed)\n";
        }
        TextTable t = new TextTable("step", ">full load", ">incremental", ">no-op");
        for (String name : names) {
            t.row(name, ms(fullOut, name), ms(incOut, name), ms(noopOut, name));
        }
        return t.markdown();
    }

    private static String ms(EtlOutput out, String step) {
        List<Long> found = new ArrayList<>();
        out.publishSteps().stream().filter(s -> s.name().equals(step)).forEach(s -> found.add(s.millis()));
        return found.isEmpty() ? "-" : n(found.stream().mapToLong(Long::longValue).sum());
    }

    private String queryTable() {
        TextTable t = new TextTable("family", "query", ">median ms", ">min ms", ">rows");
        for (SnapshotQueries.Timing q : queries.timings()) {
            t.row(q.family(), q.name(), String.format(Locale.ROOT, "%.2f", q.medianMs()),
                    String.format(Locale.ROOT, "%.2f", q.minMs()), n(q.rows()));
        }
        return t.markdown();
    }

    private static String s(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    private static String n(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String mb(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double seconds, double reference) {
        return Double.isNaN(reference) || reference <= 0 || seconds < 0 ? "-"
                : String.format(Locale.ROOT, "%.1fx", seconds / reference);
    }
}
