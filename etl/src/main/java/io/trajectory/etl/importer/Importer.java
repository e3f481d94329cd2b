package io.trajectory.etl.importer;

import io.trajectory.etl.importer.Mapping.Aggregate;
import io.trajectory.etl.importer.Mapping.IndicatorSettings;
import io.trajectory.etl.importer.Mapping.PeriodFormat;
import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.period.PeriodFormatException;
import io.trajectory.warehouse.rating.Rating;
import java.math.BigDecimal;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a council's own export into a landing zone, as its {@link Mapping} says: reads every row,
 * makes its figures (unpivoting wide layouts, aggregating months to quarters, applying value maps,
 * scale fixes and missing-value codes), builds the indicator register, and hands the result to
 * {@link LandingWriter}. Whatever it cannot use is dropped with a reason in the {@link ImportReport}.
 * Plain Java: no Spark.
 */
final class Importer {

    private final Mapping mapping;
    private final ImportReport report = new ImportReport();

    /** The register values each indicator's rows gave, the latest quarter's first. */
    private final Map<String, Map<String, String>> registerValues = new TreeMap<>();
    private final Map<String, Map<String, FiscalQuarter>> registerPeriods = new HashMap<>();
    private final Map<String, String> groupOfArea = new TreeMap<>();
    private final Map<FiscalQuarter, Instant> signOffAt = new TreeMap<>();

    Importer(Mapping mapping) {
        this.mapping = mapping;
    }

    /** What the import produced, ready to write. */
    record Result(ImportReport report, List<Map<String, String>> register, List<Map<String, String>> trajectories,
                  Map<FiscalQuarter, List<Map<String, String>>> returns, Map<String, String> comparisonGroups,
                  Map<FiscalQuarter, Instant> signOffs) {
    }

    Result run(List<Path> sources) {
        List<SourceTable> figureTables = new ArrayList<>();
        SourceTable definitions = null;
        PathMatcher defsMatch = mapping.definitions() == null ? null
                : FileSystems.getDefault().getPathMatcher("glob:" + mapping.definitions().files());
        PathMatcher figuresMatch = mapping.source() == null || mapping.source().files() == null ? null
                : FileSystems.getDefault().getPathMatcher("glob:" + mapping.source().files());
        for (Path p : sources) {
            Path name = p.getFileName();
            if (defsMatch != null && defsMatch.matches(name)) {
                if (definitions != null) {
                    throw new MappingException(mapping.file() + ": definitions.files: matches both " + definitions.name()
                            + " and " + name + "; give one definitions file");
                }
                definitions = SourceTable.read(p, mapping.definitions().sheet());
            } else if (figuresMatch == null || figuresMatch.matches(name)) {
                figureTables.add(SourceTable.read(p, mapping.source() == null ? null : mapping.source().sheet()));
            } else {
                report.warnings.add("ignored " + name + ": it matches neither source.files nor definitions.files");
            }
        }
        if (figureTables.isEmpty()) {
            throw new MappingException(mapping.file() + ": source.files: no SOURCE file holds figures"
                    + (figuresMatch == null ? "" : " (none matches '" + mapping.source().files() + "')"));
        }
        if (mapping.definitions() != null && definitions == null) {
            throw new MappingException(mapping.file() + ": definitions.files: no SOURCE file matches '"
                    + mapping.definitions().files() + "'");
        }
        for (SourceTable t : figureTables) {
            checkColumns(t, figureColumns());
            if (mapping.figures().periodHeaders() && periodHeaderColumns(t).isEmpty()) {
                throw new MappingException(mapping.file() + ": figures.wide.period_headers: no column of " + t.name()
                        + " is headed by a quarter or a month (its columns: " + String.join(", ", t.header()) + ")");
            }
            if (definitions == null) {
                checkColumns(t, registerColumns());
            }
        }
        if (definitions != null) {
            List<ColumnUse> uses = new ArrayList<>(registerColumns());
            uses.add(new ColumnUse("definitions.key", mapping.definitions().key()));
            checkColumns(definitions, uses);
        }
        describeMapping(figureTables.get(0));

        List<Observation> observations = new ArrayList<>();
        for (SourceTable t : figureTables) {
            for (SourceRow row : t.rows()) {
                report.rowsRead++;
                if (!passesFilter(row)) {
                    report.rowsFiltered++;
                    continue;
                }
                try {
                    observations.addAll(observe(row));
                } catch (Field.Unusable e) {
                    report.drop(e.getMessage(), row.where());
                }
            }
        }
        Map<String, SourceRow> defsByRef = definitions == null ? Map.of() : definitionsByRef(definitions);

        Map<String, Map<String, String>> register = new TreeMap<>();
        for (String ref : new TreeSet<>(observations.stream().map(Observation::ref).toList())) {
            Map<String, String> row = registerRow(ref, defsByRef);
            if (row != null) {
                register.put(ref, row);
            }
        }
        List<Observation> kept = new ArrayList<>();
        for (Observation o : observations) {
            if (!register.containsKey(o.ref())) {
                report.drop(o.ref() + ": the indicator is not in the register (see above)", o.where());
                continue;
            }
            Observation fixed = fix(o, register.get(o.ref()));
            if (fixed != null) {
                kept.add(fixed);
            }
        }
        kept = aggregateMonths(kept, register);
        kept = dropUnchangedRestatements(kept);
        kept = dropDuplicates(kept);

        // valid_from: the first quarter with a figure, so restated early quarters are in force.
        Map<String, FiscalQuarter> first = new HashMap<>();
        for (Observation o : kept) {
            first.merge(o.ref(), o.quarter(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<Map<String, String>> registerRows = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : register.entrySet()) {
            if (first.containsKey(e.getKey())) {
                e.getValue().put("valid_from", first.get(e.getKey()).toString());
                registerRows.add(e.getValue());
            }
        }
        checkRatings(kept, register);

        Map<FiscalQuarter, List<Map<String, String>>> returns = new TreeMap<>();
        Map<String, Map<String, String>> trajectories = new TreeMap<>();
        Set<String> areas = new TreeSet<>();
        kept.sort(Comparator.comparing(Observation::returnQuarter).thenComparing(Observation::ref)
                .thenComparing(Observation::area).thenComparing(Observation::quarter));
        for (Observation o : kept) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("indicator_ref", o.ref());
            r.put("period", o.quarter().toString());
            r.put("area", o.area());
            r.put("actual", o.actual() == null ? "" : Numbers.format(o.actual()));
            r.put("rag", nz(o.rag()));
            r.put("trend", nz(o.trend()));
            r.put("data_status", nz(o.dataStatus()));
            r.put("comment", nz(o.comment()));
            r.put("reported_by", nz(o.reportedBy()));
            returns.computeIfAbsent(o.returnQuarter(), q -> new ArrayList<>()).add(r);
            if (!o.area().isEmpty()) {
                areas.add(o.area());
            }
            if (o.current() && (o.planned() != null || o.stretchPlanned() != null) && (o.area().isEmpty()
                    || !trajectories.containsKey(o.ref() + "\u0001" + o.quarter().key()))) {
                Map<String, String> t = new LinkedHashMap<>();
                t.put("indicator_ref", o.ref());
                t.put("period", o.quarter().toString());
                t.put("planned_value", o.planned() == null ? "" : Numbers.format(o.planned()));
                t.put("stretch_planned_value", o.stretchPlanned() == null ? "" : Numbers.format(o.stretchPlanned()));
                trajectories.put(o.ref() + "\u0001" + o.quarter().key(), t);
            }
        }
        returns.forEach((q, rows) -> report.figuresByReturn.put(q.toString(), rows.size()));
        report.indicators = registerRows.size();
        report.areas = areas.size();
        Map<String, String> groups = new TreeMap<>();
        groupOfArea.forEach((area, group) -> {
            if (areas.contains(area)) {
                groups.put(area, group);
            }
        });
        report.groups = new TreeSet<>(groups.values()).size();
        Map<FiscalQuarter, Instant> signOffs = new TreeMap<>();
        if (mapping.signOff() != null) {
            for (FiscalQuarter q : returns.keySet()) {
                Instant at = signOffAt.get(q);
                if (at == null) {
                    report.warnings.add("no sign-off date for " + q + " (sign_off.at was blank on its rows): "
                            + "its return is written unsigned, so it loads only with --provisional");
                } else {
                    signOffs.put(q, at);
                }
            }
        }
        return new Result(report, registerRows, new ArrayList<>(trajectories.values()), returns, groups, signOffs);
    }

    // ---------------------------------------------------------------- columns

    private record ColumnUse(String key, String column) {
    }

    private List<ColumnUse> figureColumns() {
        List<ColumnUse> uses = new ArrayList<>();
        Mapping.Figures f = mapping.figures();
        addUses(uses, f.indicatorRef(), f.period() == null ? null : f.period().field(), f.area(), f.actual(), f.rag(),
                f.trend(), f.dataStatus(), f.comment(), f.reportedBy(), f.planned(), f.stretchPlanned(), f.comparisonGroup(),
                mapping.signOff() == null ? null : mapping.signOff().at());
        f.wideColumns().keySet().forEach(c -> uses.add(new ColumnUse("figures.wide.columns." + c, c)));
        mapping.filter().keySet().forEach(c -> uses.add(new ColumnUse("filter." + c, c)));
        return uses;
    }

    private List<ColumnUse> registerColumns() {
        List<ColumnUse> uses = new ArrayList<>();
        mapping.register().values().forEach(field -> addUses(uses, field));
        return uses;
    }

    private static void addUses(List<ColumnUse> uses, Field... fields) {
        for (Field field : fields) {
            if (field != null) {
                field.columns().forEach(c -> uses.add(new ColumnUse(field.key(), c)));
            }
        }
    }

    private void checkColumns(SourceTable t, List<ColumnUse> uses) {
        for (ColumnUse u : uses) {
            if (!t.has(u.column())) {
                throw new MappingException(mapping.file() + ": " + u.key() + ": column '" + u.column() + "' is not in "
                        + t.name() + " (its columns: " + String.join(", ", t.header()) + ")");
            }
        }
    }

    /** Columns headed by a period, with the period: a quarter, or a month. */
    private static Map<Integer, Object> periodHeaderColumns(SourceTable t) {
        Map<Integer, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < t.header().size(); i++) {
            String h = t.header().get(i).strip();
            if (h.isEmpty()) {
                continue;
            }
            try {
                out.put(i, FiscalQuarter.parse(h));
                continue;
            } catch (PeriodFormatException notAQuarter) {
                // perhaps a month
            }
            YearMonth m = Dates.month(h);
            if (m != null) {
                out.put(i, m);
            }
        }
        return out;
    }

    private void describeMapping(SourceTable t) {
        Mapping.Figures f = mapping.figures();
        List<String> m = report.mapped;
        if (mapping.name() != null) {
            m.add(mapping.name());
        }
        m.add("indicator_ref <- " + describe(f.indicatorRef()));
        if (f.period() != null) {
            m.add("period        <- " + describe(f.period().field()) + " (" + f.period().format().name().toLowerCase(Locale.ROOT)
                    + (f.period().shift() == 0 ? "" : ", shifted " + f.period().shift() + " quarter(s)") + ")"
                    + (f.period().format() == PeriodFormat.MONTH ? ", months aggregated to quarters" : ""));
        }
        if (!f.wideColumns().isEmpty()) {
            List<String> cols = new ArrayList<>();
            f.wideColumns().forEach((c, s) -> cols.add(c + (s == 0 ? " (this quarter)" : " (quarter " + (s > 0 ? "+" : "") + s + ")")));
            m.add("actual        <- " + String.join(", ", cols) + ": one figure per column");
        } else if (f.periodHeaders()) {
            List<String> cols = new ArrayList<>();
            periodHeaderColumns(t).keySet().forEach(i -> cols.add(t.header().get(i)));
            m.add("actual        <- " + String.join(", ", cols) + ": one column per period");
        } else {
            m.add("actual        <- " + describe(f.actual()));
        }
        describeOptional(m, "area", f.area());
        describeOptional(m, "rag", f.rag());
        describeOptional(m, "trend", f.trend());
        describeOptional(m, "data_status", f.dataStatus());
        describeOptional(m, "comment", f.comment());
        describeOptional(m, "reported_by", f.reportedBy());
        describeOptional(m, "planned", f.planned());
        describeOptional(m, "stretch", f.stretchPlanned());
        describeOptional(m, "group", f.comparisonGroup());
        mapping.register().forEach((k, v) -> describeOptional(m, k, v));
        if (!mapping.indicators().isEmpty()) {
            m.add("per-indicator settings for " + String.join(", ", mapping.indicators().keySet()));
        }
        Set<String> used = new LinkedHashSet<>();
        figureColumns().forEach(u -> used.add(u.column().strip().toLowerCase(Locale.ROOT)));
        if (mapping.definitions() == null) {
            registerColumns().forEach(u -> used.add(u.column().strip().toLowerCase(Locale.ROOT)));
        }
        Set<Integer> periodColumns = f.periodHeaders() ? periodHeaderColumns(t).keySet() : Set.of();
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < t.header().size(); i++) {
            if (!used.contains(t.header().get(i).strip().toLowerCase(Locale.ROOT)) && !periodColumns.contains(i)
                    && !t.header().get(i).isBlank()) {
                unused.add(t.header().get(i));
            }
        }
        if (!unused.isEmpty()) {
            m.add("not used: " + String.join(", ", unused));
        }
    }

    private static void describeOptional(List<String> m, String name, Field field) {
        if (field != null) {
            m.add(String.format("%-13s <- %s", name, describe(field)));
        }
    }

    private static String describe(Field f) {
        StringBuilder s = new StringBuilder(f.constant() != null ? "constant " + f.constant() : f.column());
        if (f.pattern() != null) {
            s.append(" matching ").append(f.pattern().pattern());
        }
        if (!f.values().isEmpty()) {
            List<String> pairs = new ArrayList<>();
            f.values().forEach((k, v) -> pairs.add(k + "=" + (v.isEmpty() ? "blank" : v)));
            s.append(" (").append(String.join(", ", pairs)).append(")");
        }
        if (!f.missing().isEmpty()) {
            s.append(", blank when ").append(String.join("/", f.missing()));
        }
        if (f.blankWhenColumn() != null) {
            s.append(", blank when ").append(f.blankWhenColumn()).append(" is ").append(String.join("/", f.blankWhenValues()));
        }
        if (f.scale() != null) {
            s.append(" x").append(f.scale().toPlainString());
        }
        if (f.defaultValue() != null) {
            s.append(", default ").append(f.defaultValue());
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- rows

    private boolean passesFilter(SourceRow row) {
        for (Map.Entry<String, Set<String>> f : mapping.filter().entrySet()) {
            String v = row.get(f.getKey());
            if (v == null || !f.getValue().contains(v.strip().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** The figures one row gives. */
    private List<Observation> observe(SourceRow row) {
        Mapping.Figures f = mapping.figures();
        String ref = f.indicatorRef().value(row);
        if (ref == null) {
            throw new Field.Unusable("indicator_ref is blank");
        }
        String area = f.area() == null ? "" : nz(f.area().value(row)).replaceAll("\\s+", " ");
        String rag = rating(f.rag() == null ? null : f.rag().value(row));
        String trend = f.trend() == null ? null : f.trend().value(row);
        String dataStatus = f.dataStatus() == null ? null : f.dataStatus().value(row);
        String comment = f.comment() == null ? null : f.comment().value(row);
        String reportedBy = f.reportedBy() == null ? null : f.reportedBy().value(row);
        BigDecimal planned = number(f.planned(), row);
        BigDecimal stretch = number(f.stretchPlanned(), row);
        if (f.comparisonGroup() != null && !area.isEmpty()) {
            String group = f.comparisonGroup().value(row);
            if (group != null) {
                String before = groupOfArea.putIfAbsent(area, group);
                if (before != null && !before.equals(group)) {
                    report.drop("comparison_group: " + area + " is in both '" + before + "' and '" + group + "'; kept '"
                            + before + "'", row.where());
                }
            }
        }

        List<Observation> out = new ArrayList<>();
        if (f.periodHeaders()) {
            Map<Integer, Object> columns = periodHeaderColumns(row.table());
            Object latest = null;
            for (Object p : columns.values()) {
                latest = latest == null || compare(p, latest) > 0 ? p : latest;
            }
            for (Map.Entry<Integer, Object> c : columns.entrySet()) {
                String text = c.getKey() < row.cells().size() ? row.cells().get(c.getKey()) : "";
                BigDecimal actual = text == null || text.isBlank() ? null : Numbers.parse(row.table().header().get(c.getKey()), text);
                if (actual == null) {
                    continue;
                }
                boolean current = c.getValue().equals(latest);
                FiscalQuarter q = quarterOf(c.getValue());
                YearMonth month = c.getValue() instanceof YearMonth m ? m : null;
                out.add(new Observation(ref, area, q, month, q, current, actual, current ? rag : null, current ? trend : null,
                        current ? dataStatus : null, current ? comment : null, reportedBy, current ? planned : null,
                        current ? stretch : null, row.where()));
            }
            remember(ref, row, quarterOf(latest));
            return out;
        }

        String periodText = f.period().field().value(row);
        if (periodText == null) {
            throw new Field.Unusable("period is blank");
        }
        FiscalQuarter base;
        YearMonth month = null;
        switch (f.period().format()) {
            case QUARTER -> {
                try {
                    base = FiscalQuarter.parse(periodText).plusQuarters(f.period().shift());
                } catch (PeriodFormatException e) {
                    throw new Field.Unusable("period: " + e.getMessage().replaceFirst(";.*", "") + " (expected a quarter such as "
                            + "2007/08 Q1, Q1 2007/08, 2007-08-Q1, 2007-08;Q1)");
                }
            }
            case DATE -> {
                LocalDate d = Dates.date(periodText);
                if (d == null) {
                    throw new Field.Unusable("period: '" + periodText + "' is not a date (expected 2014-08-10 or 10/08/2014)");
                }
                base = FiscalQuarter.containing(d).plusQuarters(f.period().shift());
            }
            default -> {
                month = Dates.month(periodText);
                if (month == null) {
                    throw new Field.Unusable("period: '" + periodText + "' is not a month (expected " + Dates.MONTH_FORMS + ")");
                }
                base = FiscalQuarter.containing(month.atDay(1));
            }
        }
        remember(ref, row, base);
        if (mapping.signOff() != null) {
            String at = mapping.signOff().at().value(row);
            Instant instant = at == null ? null : Dates.instant(at);
            if (at != null && instant == null) {
                throw new Field.Unusable("sign_off.at: '" + at + "' is not a date or an instant such as 2014-11-07T00:00:00Z");
            }
            if (instant != null) {
                signOffAt.merge(base, instant, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (f.wideColumns().isEmpty()) {
            String text = f.actual().value(row);
            out.add(new Observation(ref, area, base, month, base, true, text == null ? null : Numbers.parse("actual", text),
                    rag, trend, dataStatus, comment, reportedBy, planned, stretch, row.where()));
            return out;
        }
        for (Map.Entry<String, Integer> c : f.wideColumns().entrySet()) {
            String text = row.get(c.getKey());
            boolean current = c.getValue() == 0;
            FiscalQuarter q = base.plusQuarters(c.getValue());
            BigDecimal actual = text == null || text.isBlank() ? null : Numbers.parse(c.getKey(), text);
            if (actual == null && !current) {
                continue;
            }
            out.add(new Observation(ref, area, q, null, base, current, actual, current ? rag : null, current ? trend : null,
                    current ? dataStatus : null, current ? comment : null, reportedBy, current ? planned : null,
                    current ? stretch : null, row.where()));
        }
        return out;
    }

    private static int compare(Object a, Object b) {
        FiscalQuarter qa = quarterOf(a);
        FiscalQuarter qb = quarterOf(b);
        if (!qa.equals(qb)) {
            return qa.compareTo(qb);
        }
        YearMonth ma = a instanceof YearMonth m ? m : null;
        YearMonth mb = b instanceof YearMonth m ? m : null;
        return ma == null || mb == null ? 0 : ma.compareTo(mb);
    }

    private static FiscalQuarter quarterOf(Object period) {
        return period instanceof YearMonth m ? FiscalQuarter.containing(m.atDay(1)) : (FiscalQuarter) period;
    }

    /** Keeps the register values a row gives, preferring later quarters. */
    private void remember(String ref, SourceRow row, FiscalQuarter quarter) {
        if (mapping.definitions() != null) {
            return;
        }
        Map<String, String> values = registerValues.computeIfAbsent(ref, r -> new HashMap<>());
        Map<String, FiscalQuarter> periods = registerPeriods.computeIfAbsent(ref, r -> new HashMap<>());
        for (Map.Entry<String, Field> e : mapping.register().entrySet()) {
            String v = e.getValue().value(row);
            FiscalQuarter before = periods.get(e.getKey());
            if (v != null && (before == null || !quarter.isBefore(before))) {
                values.put(e.getKey(), v);
                periods.put(e.getKey(), quarter);
            }
        }
    }

    /** The definitions rows by indicator_ref; their register values are read only for indicators with figures. */
    private Map<String, SourceRow> definitionsByRef(SourceTable definitions) {
        Map<String, SourceRow> byRef = new HashMap<>();
        for (SourceRow row : definitions.rows()) {
            String key = row.get(mapping.definitions().key());
            if (key != null && !key.isBlank()) {
                byRef.putIfAbsent(key.strip(), row);
            }
        }
        return byRef;
    }

    /** The indicator's register row, or null (reported) when it lacks a required value or has a bad one. */
    private Map<String, String> registerRow(String ref, Map<String, SourceRow> defsByRef) {
        Map<String, String> values = new HashMap<>();
        if (mapping.definitions() != null) {
            SourceRow row = defsByRef.get(ref);
            if (row == null) {
                report.drop(ref + ": no row for it in the definitions file (" + mapping.definitions().key() + ")", ref);
                return null;
            }
            try {
                for (Map.Entry<String, Field> e : mapping.register().entrySet()) {
                    String v = e.getValue().value(row);
                    if (v != null) {
                        values.put(e.getKey(), v);
                    }
                }
            } catch (Field.Unusable e) {
                report.drop(ref + ": " + e.getMessage(), row.where());
                return null;
            }
        } else {
            values = new HashMap<>(registerValues.getOrDefault(ref, Map.of()));
            Map<String, FiscalQuarter> periods = registerPeriods.getOrDefault(ref, Map.of());
            if (!mapping.register().containsKey("target_period") && values.containsKey("target_value")) {
                values.put("target_period", periods.get("target_value").toString());
            }
        }
        IndicatorSettings settings = mapping.indicators().get(ref);
        if (settings != null) {
            values.putAll(settings.register());
            if (settings.noTarget()) {
                values.remove("target_value");
                values.remove("target_period");
                values.remove("stretch_target_value");
            }
        }
        for (String required : Mapping.REQUIRED_REGISTER_FIELDS) {
            if (values.get(required) == null || values.get(required).isBlank()) {
                report.drop(ref + ": no " + required + " (map register." + required + " or set it under indicators." + ref + ")", ref);
                return null;
            }
        }
        try {
            values.put("polarity", Polarity.parse(values.get("polarity")).name());
            values.put("unit", MeasureUnit.parse(values.get("unit")).name().toLowerCase(Locale.ROOT));
            values.put("accumulation", Accumulation.parse(values.get("accumulation")).name());
            for (String period : List.of("baseline_period", "target_period")) {
                if (values.get(period) != null) {
                    values.put(period, FiscalQuarter.parse(values.get(period)).toString());
                }
            }
        } catch (IllegalArgumentException e) {
            report.drop(ref + ": " + e.getMessage(), ref);
            return null;
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("indicator_ref", ref);
        for (String field : Mapping.REGISTER_FIELDS) {
            row.put(field, nz(values.get(field)));
        }
        return row;
    }

    // ---------------------------------------------------------------- figures

    /** Missing-value codes and scale fixes of the indicator; null (reported) when the figure cannot be used. */
    private Observation fix(Observation o, Map<String, String> register) {
        IndicatorSettings s = mapping.indicators().get(o.ref());
        BigDecimal actual = o.actual();
        BigDecimal planned = o.planned();
        BigDecimal stretch = o.stretchPlanned();
        if (s != null) {
            if (actual != null && s.missingActuals().stream().anyMatch(m -> isSame(m, o.actual()))) {
                actual = null;
            }
            if (s.noTarget()) {
                planned = null;
                stretch = null;
            }
            if (s.scale() != null && (s.scalePeriods().isEmpty() || s.scalePeriods().contains(o.quarter()))) {
                actual = actual == null ? null : actual.multiply(s.scale());
                planned = planned == null ? null : planned.multiply(s.scale());
                stretch = stretch == null ? null : stretch.multiply(s.scale());
            }
        }
        if (actual == null && !o.current()) {
            report.drop(o.ref() + ": " + Numbers.format(o.actual()) + " is its missing-value code (indicators." + o.ref()
                    + ".missing_actuals), so there is no earlier figure to restate", o.where());
            return null;
        }
        return o.withValues(actual, planned, stretch);
    }

    private static boolean isSame(String code, BigDecimal value) {
        try {
            return new BigDecimal(code).compareTo(value) == 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /**
     * Months become quarters: LAST takes the quarter's last month (a level), SUM adds the quarter's
     * months (LEVEL) or April to the quarter's end (CUMULATIVE_YTD). A quarter without the months
     * it needs is dropped, so no part-quarter figure passes for a whole one.
     */
    private List<Observation> aggregateMonths(List<Observation> in, Map<String, Map<String, String>> register) {
        List<Observation> out = new ArrayList<>();
        Map<String, TreeMap<YearMonth, Observation>> series = new LinkedHashMap<>();
        for (Observation o : in) {
            if (o.month() == null) {
                out.add(o);
                continue;
            }
            TreeMap<YearMonth, Observation> months = series.computeIfAbsent(o.ref() + "\u0001" + o.area(), k -> new TreeMap<>());
            Observation before = months.put(o.month(), o);
            if (before != null && !Objects.equals(before.actual(), o.actual())) {
                report.drop(o.ref() + (o.area().isEmpty() ? "" : " " + o.area()) + " " + o.month()
                        + ": two different figures for the month", o.where());
            }
        }
        for (TreeMap<YearMonth, Observation> months : series.values()) {
            Observation any = months.firstEntry().getValue();
            IndicatorSettings s = mapping.indicators().get(any.ref());
            boolean ytd = "CUMULATIVE_YTD".equals(register.get(any.ref()).get("accumulation"));
            Aggregate how = s != null && s.aggregate() != null ? s.aggregate() : ytd ? Aggregate.SUM : Aggregate.LAST;
            Set<FiscalQuarter> quarters = new TreeSet<>();
            months.values().forEach(o -> quarters.add(o.quarter()));
            for (FiscalQuarter q : quarters) {
                YearMonth last = YearMonth.from(q.endDate());
                YearMonth from = how == Aggregate.LAST ? last
                        : ytd ? YearMonth.of(q.startDate().getYear() - (q.quarter() == 4 ? 1 : 0), 4) : YearMonth.from(q.startDate());
                List<YearMonth> missing = new ArrayList<>();
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal plannedSum = BigDecimal.ZERO;
                boolean allPlanned = true;
                for (YearMonth m = from; !m.isAfter(last); m = m.plusMonths(1)) {
                    Observation o = months.get(m);
                    if (o == null || o.actual() == null) {
                        missing.add(m);
                    } else {
                        sum = sum.add(o.actual());
                        if (o.planned() == null) {
                            allPlanned = false;
                        } else {
                            plannedSum = plannedSum.add(o.planned());
                        }
                    }
                }
                Observation lastMonth = months.get(last);
                String label = any.ref() + (any.area().isEmpty() ? "" : " " + any.area()) + " " + q;
                if (!missing.isEmpty()) {
                    report.drop("months to quarters: " + (how == Aggregate.LAST ? "the quarter's last month is missing"
                            : "a month is missing from the " + (ytd ? "year to date" : "quarter")) + " (" + how.name().toLowerCase(Locale.ROOT)
                            + "), so the quarter is left out", label + " lacks " + missing.get(0));
                    continue;
                }
                out.add(lastMonth.asQuarter(q, how == Aggregate.LAST ? lastMonth.actual() : sum,
                        how == Aggregate.LAST ? lastMonth.planned() : allPlanned ? plannedSum : null,
                        how == Aggregate.LAST ? lastMonth.stretchPlanned() : null, lastMonth.where()));
            }
        }
        return out;
    }

    /** A last-quarter column repeating the figure the earlier return already gave says nothing new. */
    private List<Observation> dropUnchangedRestatements(List<Observation> in) {
        Map<String, Observation> current = new HashMap<>();
        for (Observation o : in) {
            if (o.current()) {
                current.putIfAbsent(o.figureKey(), o);
            }
        }
        List<Observation> out = new ArrayList<>();
        for (Observation o : in) {
            Observation reported = o.current() ? null : current.get(o.figureKey());
            if (reported != null && reported.returnQuarter().isBefore(o.returnQuarter())
                    && Objects.equals(reported.actual() == null ? null : reported.actual().stripTrailingZeros(),
                    o.actual() == null ? null : o.actual().stripTrailingZeros())) {
                report.drop("the same figure as its own quarter's return gave (not a restatement)", o.where());
                continue;
            }
            out.add(o);
        }
        return out;
    }

    /** Two rows for one figure of one return: identical ones are kept once, differing ones both dropped. */
    private List<Observation> dropDuplicates(List<Observation> in) {
        Map<String, List<Observation>> byKey = new LinkedHashMap<>();
        for (Observation o : in) {
            byKey.computeIfAbsent(o.figureKey() + "\u0001" + o.returnQuarter().key(), k -> new ArrayList<>()).add(o);
        }
        List<Observation> out = new ArrayList<>();
        for (List<Observation> same : byKey.values()) {
            Observation first = same.get(0);
            boolean agree = same.stream().allMatch(o -> Objects.equals(o.actual(), first.actual())
                    && Objects.equals(o.rag(), first.rag()));
            if (same.size() > 1 && !agree) {
                same.forEach(o -> report.drop("conflicting figures for " + o.ref() + (o.area().isEmpty() ? "" : " " + o.area())
                        + " " + o.quarter() + " in the " + o.returnQuarter() + " return", o.where()));
                continue;
            }
            if (same.size() > 1) {
                same.subList(1, same.size()).forEach(o -> report.drop("a repeat of an earlier row's figure", o.where()));
            }
            out.add(first);
        }
        return out;
    }

    /** Flags reported ratings the figures contradict: Green while behind plan, Amber or Red while on or ahead. */
    private void checkRatings(List<Observation> kept, Map<String, Map<String, String>> register) {
        for (Observation o : kept) {
            if (!o.current() || o.rag() == null) {
                continue;
            }
            Rating r = Rating.valueOf(o.rag());
            if (r != Rating.GREEN && r != Rating.AMBER && r != Rating.RED) {
                continue;
            }
            if (o.actual() == null) {
                report.ratedWithoutFigure.add(o.ref() + (o.area().isEmpty() ? "" : " " + o.area()) + " " + o.quarter()
                        + ": rated " + r.label());
                continue;
            }
            if (o.planned() == null) {
                continue;
            }
            report.ratingsChecked++;
            Polarity polarity = Polarity.parse(register.get(o.ref()).get("polarity"));
            boolean onOrAhead = o.actual().subtract(o.planned()).signum() * polarity.sign() >= 0;
            if (r == Rating.GREEN != onOrAhead) {
                report.contradictions.add(new ImportReport.Contradiction(o.ref(), o.area(), o.quarter().toString(), r.label(),
                        Numbers.format(o.actual()), Numbers.format(o.planned()), polarity.name()));
            }
        }
    }

    // ---------------------------------------------------------------- cells

    private static String rating(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Rating.parse(text).map(Rating::name).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new Field.Unusable("rag: " + e.getMessage() + " (map it with figures.rag.values)");
        }
    }

    private static BigDecimal number(Field field, SourceRow row) {
        if (field == null) {
            return null;
        }
        String v = field.value(row);
        return v == null ? null : Numbers.parse(field.key(), v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
