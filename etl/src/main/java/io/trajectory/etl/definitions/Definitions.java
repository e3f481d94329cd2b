package io.trajectory.etl.definitions;

import io.trajectory.etl.landing.DefinitionFiles;
import io.trajectory.etl.landing.LandingZoneException;
import io.trajectory.etl.landing.SourceFile;
import io.trajectory.etl.read.CsvHeader;
import io.trajectory.etl.read.CsvRecords;
import io.trajectory.etl.validate.Problem;
import io.trajectory.warehouse.period.FiscalQuarter;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The conformed definitions: indicator versions (type-2), explicit planned values, areas, areas'
 * own plans (type-2 by {@code valid_from}) and comparison groups. They are small (a national
 * zone has about a hundred thousand area plans), so they are read on the driver with the same
 * cell rules the returns use. The trajectories themselves are worked out when the snapshot is
 * published, from these plans.
 *
 * <p>Which areas exist is only known once the returns are read, so rows naming an area are
 * checked by {@link #withKnownAreas(Collection)}.
 *
 * @param fileCounts per file, {rows read, rows loaded, rows quarantined}
 */
public record Definitions(List<IndicatorVersion> versions, List<PlannedValue> plannedValues, List<AreaDefinition> areas,
                          List<AreaPlan> areaPlans, List<GroupMember> groupMembers, List<Quarantined> quarantined,
                          Map<String, long[]> fileCounts, List<String> warnings) {

    public static Definitions read(DefinitionFiles files) {
        List<Quarantined> quarantined = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, long[]> counts = new LinkedHashMap<>();

        List<IndicatorVersion> versions = readRegister(files.register(), quarantined, warnings, counts);
        Map<String, FiscalQuarter> firstValid = new HashMap<>();
        versions.forEach(v -> firstValid.merge(v.ref(), v.validFrom(), (a, b) -> a.isBefore(b) ? a : b));

        List<PlannedValue> planned = files.trajectories()
                .map(f -> readPlannedValues(f, firstValid, quarantined, warnings, counts)).orElse(List.of());
        List<AreaDefinition> areas = files.areas()
                .map(f -> readAreas(f, quarantined, warnings, counts)).orElse(List.of());
        List<AreaPlan> plans = files.areaTargets()
                .map(f -> readAreaPlans(f, firstValid, quarantined, warnings, counts)).orElse(List.of());
        List<GroupMember> members = files.comparisonGroups()
                .map(f -> readGroups(f, quarantined, warnings, counts)).orElse(List.of());
        return new Definitions(List.copyOf(versions), List.copyOf(planned), List.copyOf(areas), List.copyOf(plans),
                List.copyOf(members), List.copyOf(quarantined), counts, List.copyOf(warnings));
    }

    /**
     * These definitions with every row that names an area not among {@code known} (nor in
     * {@code definitions/areas.csv}) moved to quarantine, and a quarantine line for each
     * comparison group left with no members.
     */
    public Definitions withKnownAreas(Collection<String> known) {
        Set<String> all = new HashSet<>(known);
        areas.forEach(a -> all.add(a.code()));
        List<Quarantined> q = new ArrayList<>(quarantined);
        Map<String, long[]> counts = new LinkedHashMap<>();
        fileCounts.forEach((k, v) -> counts.put(k, v.clone()));
        Function<String, String> unknown = area -> "unknown area '" + area
                + "': not in definitions/areas.csv and not reported in any return";

        List<PlannedValue> keptPlanned = new ArrayList<>();
        for (PlannedValue p : plannedValues) {
            if (p.area().isEmpty() || all.contains(p.area())) {
                keptPlanned.add(p);
            } else {
                reject(q, counts, p.sourceFile(), p.sourceLine(), "area", unknown.apply(p.area()), p.area());
            }
        }
        List<AreaPlan> keptPlans = new ArrayList<>();
        for (AreaPlan p : areaPlans) {
            if (all.contains(p.area())) {
                keptPlans.add(p);
            } else {
                reject(q, counts, p.sourceFile(), p.sourceLine(), "area", unknown.apply(p.area()), p.area());
            }
        }
        List<GroupMember> keptMembers = new ArrayList<>();
        Map<String, GroupMember> firstRowOfGroup = new LinkedHashMap<>();
        for (GroupMember m : groupMembers) {
            firstRowOfGroup.putIfAbsent(m.group(), m);
            if (all.contains(m.area())) {
                keptMembers.add(m);
            } else {
                reject(q, counts, m.sourceFile(), m.sourceLine(), "area", unknown.apply(m.area()), m.area());
            }
        }
        Set<String> withMembers = new HashSet<>();
        keptMembers.forEach(m -> withMembers.add(m.group()));
        firstRowOfGroup.forEach((group, first) -> {
            if (!withMembers.contains(group)) {
                q.add(new Quarantined(first.sourceFile(), first.sourceLine(), "group", "comparison group '" + group
                        + "' has no members: every row naming it was rejected", group, null, null));
            }
        });
        return new Definitions(versions, List.copyOf(keptPlanned), areas, List.copyOf(keptPlans),
                List.copyOf(keptMembers), List.copyOf(q), counts, warnings);
    }

    private static void reject(List<Quarantined> q, Map<String, long[]> counts, String file, long line, String column,
                               String reason, String raw) {
        q.add(new Quarantined(file, line, column, reason, raw, null, null));
        long[] c = counts.get(file);
        if (c != null) {
            c[1]--;
            c[2]++;
        }
    }

    private static List<IndicatorVersion> readRegister(SourceFile register, List<Quarantined> quarantined,
                                                       List<String> warnings, Map<String, long[]> counts) {
        List<IndicatorVersion> rows = new ArrayList<>();
        long[] c = new long[3];
        readCsv(register, RegisterRowParser.REQUIRED, RegisterRowParser.OPTIONAL, warnings, (header, line) -> {
            c[0]++;
            List<Problem> problems = new ArrayList<>();
            IndicatorVersion v = RegisterRowParser.parse(header, line, problems);
            if (problems.isEmpty()) {
                rows.add(v);
            } else {
                c[2]++;
                problems.forEach(p -> quarantined.add(Quarantined.of(register.name(), line.number(), p, line.raw(), null)));
            }
        });
        List<IndicatorVersion> versions = assembleVersions(rows, quarantined);
        c[1] = versions.size();
        counts.put(register.name(), c);
        return versions;
    }

    private static List<PlannedValue> readPlannedValues(SourceFile file, Map<String, FiscalQuarter> firstValid,
                                                        List<Quarantined> quarantined, List<String> warnings,
                                                        Map<String, long[]> counts) {
        long[] c = new long[3];
        Map<String, Long> seen = new HashMap<>();
        List<PlannedValue> out = new ArrayList<>();
        readCsv(file, TrajectoryRowParser.REQUIRED, TrajectoryRowParser.OPTIONAL, warnings, (header, line) -> {
            c[0]++;
            List<Problem> problems = new ArrayList<>();
            PlannedValue row = TrajectoryRowParser.parse(header, line, problems);
            if (problems.isEmpty() && !firstValid.containsKey(row.ref())) {
                problems.add(unknownIndicator(row.ref()));
            }
            if (problems.isEmpty()) {
                Long first = seen.putIfAbsent(row.ref() + "|" + row.area() + "|" + row.period().key(), line.number());
                if (first != null) {
                    problems.add(Problem.of(null, "duplicate planned value for " + row.ref()
                            + (row.area().isEmpty() ? "" : " in " + row.area()) + " in " + row.period()
                            + " (first at line " + first + ")", null));
                }
            }
            if (problems.isEmpty()) {
                c[1]++;
                out.add(row);
            } else {
                c[2]++;
                problems.forEach(p -> quarantined.add(Quarantined.of(file.name(), line.number(), p, line.raw(), null)));
            }
        });
        counts.put(file.name(), c);
        return out;
    }

    private static List<AreaDefinition> readAreas(SourceFile file, List<Quarantined> quarantined, List<String> warnings,
                                                  Map<String, long[]> counts) {
        long[] c = new long[3];
        Map<String, AreaDefinition> byCode = new LinkedHashMap<>();
        readCsv(file, AreaRowParser.REQUIRED, AreaRowParser.OPTIONAL, warnings, (header, line) -> {
            c[0]++;
            List<Problem> problems = new ArrayList<>();
            AreaDefinition a = AreaRowParser.parse(header, line, problems);
            if (problems.isEmpty() && byCode.containsKey(a.code())) {
                problems.add(Problem.of("area", "area '" + a.code() + "' is listed twice (first at line "
                        + byCode.get(a.code()).sourceLine() + ")", a.code()));
            }
            if (problems.isEmpty()) {
                byCode.put(a.code(), a);
            } else {
                c[2]++;
                problems.forEach(p -> quarantined.add(Quarantined.of(file.name(), line.number(), p, line.raw(), null)));
            }
        });
        // A parent must be listed too, and no area may lie within itself.
        List<AreaDefinition> out = new ArrayList<>();
        for (AreaDefinition a : byCode.values()) {
            String problem = null;
            if (!a.parent().isEmpty() && !byCode.containsKey(a.parent())) {
                problem = "unknown parent_area '" + a.parent() + "': not listed in " + file.name();
            } else {
                Set<String> chain = new LinkedHashSet<>();
                for (AreaDefinition at = a; at != null && !at.parent().isEmpty(); at = byCode.get(at.parent())) {
                    if (!chain.add(at.code())) {
                        problem = "parent_area makes a loop: " + String.join(" in ", chain) + " in " + at.code();
                        break;
                    }
                }
            }
            if (problem == null) {
                out.add(a);
            } else {
                c[2]++;
                quarantined.add(new Quarantined(file.name(), a.sourceLine(), "parent_area", problem, a.parent(), null, null));
            }
        }
        c[1] = out.size();
        counts.put(file.name(), c);
        return out;
    }

    private static List<AreaPlan> readAreaPlans(SourceFile file, Map<String, FiscalQuarter> firstValid,
                                                List<Quarantined> quarantined, List<String> warnings,
                                                Map<String, long[]> counts) {
        long[] c = new long[3];
        List<AreaPlan> rows = new ArrayList<>();
        readCsv(file, AreaTargetRowParser.REQUIRED, AreaTargetRowParser.OPTIONAL, warnings, (header, line) -> {
            c[0]++;
            List<Problem> problems = new ArrayList<>();
            AreaPlan p = AreaTargetRowParser.parse(header, line, problems);
            if (problems.isEmpty() && !firstValid.containsKey(p.ref())) {
                problems.add(unknownIndicator(p.ref()));
            }
            if (problems.isEmpty()) {
                rows.add(p.validFrom() != null ? p : new AreaPlan(p.ref(), p.area(), 0, p.baselinePeriod(),
                        p.baselineValue(), p.targetPeriod(), p.targetValue(), p.stretchTargetValue(),
                        firstValid.get(p.ref()), null, p.sourceFile(), p.sourceLine()));
            } else {
                c[2]++;
                problems.forEach(pr -> quarantined.add(Quarantined.of(file.name(), line.number(), pr, line.raw(), null)));
            }
        });
        // Versions of each area's plan, as the register's: ordered by valid_from, each ending where the next begins.
        Map<String, List<AreaPlan>> bySeries = new TreeMap<>();
        rows.forEach(p -> bySeries.computeIfAbsent(p.ref() + "\u0000" + p.area(), k -> new ArrayList<>()).add(p));
        List<AreaPlan> out = new ArrayList<>();
        for (List<AreaPlan> list : bySeries.values()) {
            list.sort(Comparator.comparing(AreaPlan::validFrom).thenComparingLong(AreaPlan::sourceLine));
            List<AreaPlan> kept = new ArrayList<>();
            for (AreaPlan p : list) {
                if (!kept.isEmpty() && kept.get(kept.size() - 1).validFrom().equals(p.validFrom())) {
                    c[2]++;
                    quarantined.add(new Quarantined(file.name(), p.sourceLine(), "valid_from", "second plan for "
                            + p.ref() + " in " + p.area() + " valid from " + p.validFrom() + " (first at line "
                            + kept.get(kept.size() - 1).sourceLine() + "): each version needs its own valid_from",
                            p.validFrom().toString(), null, null));
                    continue;
                }
                kept.add(p);
            }
            for (int i = 0; i < kept.size(); i++) {
                out.add(kept.get(i).withVersion(i + 1, i + 1 < kept.size() ? kept.get(i + 1).validFrom() : null));
            }
        }
        c[1] = out.size();
        counts.put(file.name(), c);
        return out;
    }

    private static List<GroupMember> readGroups(SourceFile file, List<Quarantined> quarantined, List<String> warnings,
                                                Map<String, long[]> counts) {
        long[] c = new long[3];
        Map<String, Long> seen = new HashMap<>();
        List<GroupMember> out = new ArrayList<>();
        readCsv(file, GroupRowParser.REQUIRED, GroupRowParser.OPTIONAL, warnings, (header, line) -> {
            c[0]++;
            List<Problem> problems = new ArrayList<>();
            GroupMember m = GroupRowParser.parse(header, line, problems);
            if (problems.isEmpty()) {
                Long first = seen.putIfAbsent(m.group() + "\u0000" + m.area(), line.number());
                if (first != null) {
                    problems.add(Problem.of("area", m.area() + " is listed twice in group '" + m.group()
                            + "' (first at line " + first + ")", m.area()));
                }
            }
            if (problems.isEmpty()) {
                c[1]++;
                out.add(m);
            } else {
                c[2]++;
                problems.forEach(p -> quarantined.add(Quarantined.of(file.name(), line.number(), p, line.raw(), null)));
            }
        });
        counts.put(file.name(), c);
        return out;
    }

    private static Problem unknownIndicator(String ref) {
        return Problem.of("indicator_ref", "unknown indicator '" + ref + "': not in definitions/indicators.csv", ref);
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
}
