package io.trajectory.etl.definitions;

import io.trajectory.etl.landing.LandingZoneException;
import io.trajectory.etl.landing.SourceFile;
import io.trajectory.etl.read.CsvHeader;
import io.trajectory.etl.read.CsvRecords;
import io.trajectory.etl.validate.Problem;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.trajectory.PlannedValues;
import io.trajectory.warehouse.trajectory.Trajectory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The conformed definitions: indicator versions (type-2) and the trajectory of every indicator
 * for every quarter it is in force. The register is small (hundreds of rows), so it is read on
 * the driver with the same cell rules the returns use; Spark takes over for the returns.
 */
public record Definitions(List<IndicatorVersion> versions, List<TrajectoryPoint> trajectory,
                          List<Quarantined> quarantined, Map<String, long[]> fileCounts, List<String> warnings) {
    // fileCounts: per file, {rows read, rows loaded, rows quarantined}.

    /**
     * @param horizon     the last quarter to plan for (the latest return or target, whichever is later)
     * @param rewardShare the share of the stretch improvement that earns the reward (0.60)
     */
    public static Definitions read(SourceFile register, Optional<SourceFile> trajectories, FiscalQuarter horizon,
                                   double rewardShare) {
        List<Quarantined> quarantined = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, long[]> counts = new LinkedHashMap<>();

        List<IndicatorVersion> rows = new ArrayList<>();
        long[] registerCounts = new long[3];
        readCsv(register, RegisterRowParser.REQUIRED, RegisterRowParser.OPTIONAL, warnings, (header, line) -> {
            registerCounts[0]++;
            List<Problem> problems = new ArrayList<>();
            IndicatorVersion v = RegisterRowParser.parse(header, line, problems);
            if (problems.isEmpty()) {
                rows.add(v);
            } else {
                registerCounts[2]++;
                problems.forEach(p -> quarantined.add(Quarantined.of(register.name(), line.number(), p, line.raw(), null)));
            }
        });
        List<IndicatorVersion> versions = assembleVersions(rows, quarantined);
        registerCounts[1] = versions.size();
        counts.put(register.name(), registerCounts);

        Map<String, Map<FiscalQuarter, PlannedValues>> explicit = new HashMap<>();
        trajectories.ifPresent(file -> {
            long[] c = new long[3];
            Map<String, FiscalQuarter> firstValid = new HashMap<>();
            versions.forEach(v -> firstValid.merge(v.ref(), v.validFrom(), (a, b) -> a.isBefore(b) ? a : b));
            Map<String, Long> seen = new HashMap<>();
            readCsv(file, TrajectoryRowParser.REQUIRED, TrajectoryRowParser.OPTIONAL, warnings, (header, line) -> {
                c[0]++;
                List<Problem> problems = new ArrayList<>();
                TrajectoryRowParser.Row row = TrajectoryRowParser.parse(header, line, problems);
                if (problems.isEmpty() && !firstValid.containsKey(row.ref())) {
                    problems.add(Problem.of("indicator_ref", "unknown indicator '" + row.ref()
                            + "': not in definitions/indicators.csv", row.ref()));
                }
                if (problems.isEmpty()) {
                    Long first = seen.putIfAbsent(row.ref() + "|" + row.period().key(), line.number());
                    if (first != null) {
                        problems.add(Problem.of(null, "duplicate planned value for " + row.ref() + " in " + row.period()
                                + " (first at line " + first + ")", null));
                    }
                }
                if (problems.isEmpty()) {
                    c[1]++;
                    explicit.computeIfAbsent(row.ref(), k -> new TreeMap<>()).put(row.period(), row.values());
                } else {
                    c[2]++;
                    problems.forEach(p -> quarantined.add(Quarantined.of(file.name(), line.number(), p, line.raw(), null)));
                }
            });
            counts.put(file.name(), c);
        });

        List<TrajectoryPoint> points = new ArrayList<>();
        for (IndicatorVersion v : versions) {
            Map<FiscalQuarter, PlannedValues> planned = explicit.getOrDefault(v.ref(), Map.of());
            Trajectory t = Trajectory.of(v.targets(), planned, rewardShare);
            FiscalQuarter last = v.validTo() == null ? latest(horizon, v.targetPeriod()) : v.validTo().previous();
            for (FiscalQuarter q = v.validFrom(); !q.isAfter(last); q = q.next()) {
                OptionalDouble p = t.planned(q);
                OptionalDouble s = t.stretchPlanned(q);
                OptionalDouble r = t.rewardThreshold(q);
                OptionalDouble b = t.baselineFor(q);
                if (p.isEmpty() && s.isEmpty() && r.isEmpty()) {
                    continue;
                }
                PlannedValues given = planned.get(q);
                points.add(new TrajectoryPoint(v.ref(), q.key(), box(b), box(p), box(s), box(r),
                        given != null && given.planned() != null));
            }
        }
        return new Definitions(List.copyOf(versions), List.copyOf(points), List.copyOf(quarantined), counts,
                List.copyOf(warnings));
    }

    /** Orders each indicator's rows by valid_from into versions 1..n; a repeated valid_from is quarantined. */
    static List<IndicatorVersion> assembleVersions(List<IndicatorVersion> rows, List<Quarantined> quarantined) {
        Map<String, List<IndicatorVersion>> byRef = new TreeMap<>();
        for (IndicatorVersion v : rows) {
            byRef.computeIfAbsent(v.ref(), k -> new ArrayList<>()).add(v);
        }
        List<IndicatorVersion> out = new ArrayList<>();
        for (List<IndicatorVersion> list : byRef.values()) {
            list.sort(Comparator.comparing(IndicatorVersion::validFrom).thenComparingLong(IndicatorVersion::sourceLine));
            List<IndicatorVersion> kept = new ArrayList<>();
            for (IndicatorVersion v : list) {
                if (!kept.isEmpty() && kept.get(kept.size() - 1).validFrom().equals(v.validFrom())) {
                    IndicatorVersion first = kept.get(kept.size() - 1);
                    quarantined.add(new Quarantined(v.sourceFile(), v.sourceLine(), "valid_from",
                            "second row for " + v.ref() + " valid from " + v.validFrom() + " (first at line "
                                    + first.sourceLine() + "): each version needs its own valid_from",
                            v.validFrom().toString(), null, null));
                    continue;
                }
                kept.add(v);
            }
            for (int i = 0; i < kept.size(); i++) {
                FiscalQuarter validTo = i + 1 < kept.size() ? kept.get(i + 1).validFrom() : null;
                out.add(kept.get(i).withVersion(i + 1, validTo));
            }
        }
        return out;
    }

    interface LineHandler {
        void accept(CsvHeader header, CsvRecords.Line line);
    }

    private static void readCsv(SourceFile file, List<String> required, List<String> optional, List<String> warnings,
                                LineHandler handler) {
        CsvHeader[] header = new CsvHeader[1];
        List<CsvRecords.Line> lines = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
            List<String> cells = CsvRecords.read(file.name(), r, lines::add);
            header[0] = CsvHeader.of(file.name(), cells, required, optional);
        } catch (IOException e) {
            throw new LandingZoneException("cannot read " + file.name() + ": " + e.getMessage(), e);
        }
        if (!header[0].ignored().isEmpty()) {
            warnings.add(file.name() + ": ignored column(s) not in the contract: " + String.join(", ", header[0].ignored()));
        }
        lines.forEach(l -> handler.accept(header[0], l));
    }

    private static FiscalQuarter latest(FiscalQuarter a, FiscalQuarter b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static Double box(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
