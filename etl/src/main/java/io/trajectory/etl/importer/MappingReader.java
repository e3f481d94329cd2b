package io.trajectory.etl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trajectory.etl.importer.Mapping.Aggregate;
import io.trajectory.etl.importer.Mapping.IndicatorSettings;
import io.trajectory.etl.importer.Mapping.PeriodFormat;
import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.period.PeriodFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a mapping file (YAML, or JSON, which YAML includes) and checks it key by key: an unknown
 * or misspelt key, a value of the wrong type, a missing required key, a bad pattern or a bad
 * register value is a {@link MappingException} naming the file and the key's path.
 */
final class MappingReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FIELD_KEYS = Set.of("column", "constant", "values", "missing", "pattern", "scale",
            "default", "blank_when");

    private final String file;

    private MappingReader(String file) {
        this.file = file;
    }

    static Mapping read(Path path) {
        String file = path.getFileName().toString();
        JsonNode root;
        try {
            root = YAML.readTree(path.toFile());
        } catch (IOException e) {
            throw new MappingException(file + ": not valid YAML or JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return new MappingReader(file).mapping(root);
    }

    private Mapping mapping(JsonNode root) {
        object(root, "", Set.of("name", "description", "source", "definitions", "filter", "figures", "register",
                "indicators", "sign_off"));
        String name = text(root, "name", "name");
        Mapping.Source source = null;
        if (root.has("source")) {
            JsonNode s = object(root.get("source"), "source", Set.of("files", "sheet"));
            source = new Mapping.Source(text(s, "files", "source.files"), text(s, "sheet", "source.sheet"));
        }
        Mapping.Definitions definitions = null;
        if (root.has("definitions")) {
            JsonNode d = object(root.get("definitions"), "definitions", Set.of("files", "sheet", "key"));
            definitions = new Mapping.Definitions(required(d, "files", "definitions.files"),
                    text(d, "sheet", "definitions.sheet"), required(d, "key", "definitions.key"));
        }
        Map<String, Set<String>> filter = new LinkedHashMap<>();
        if (root.has("filter")) {
            JsonNode f = object(root.get("filter"), "filter", null);
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                filter.put(e.getKey(), lowerSet(e.getValue(), "filter." + e.getKey()));
            }
        }
        if (!root.has("figures")) {
            throw error("figures", "is required: it says which columns give indicator_ref, period and actual");
        }
        Mapping.Figures figures = figures(root.get("figures"));
        Map<String, Field> register = new LinkedHashMap<>();
        if (root.has("register")) {
            JsonNode r = object(root.get("register"), "register", Set.copyOf(Mapping.REGISTER_FIELDS));
            for (String key : Mapping.REGISTER_FIELDS) {
                if (r.has(key)) {
                    register.put(key, field(r.get(key), "register." + key));
                }
            }
        }
        Map<String, IndicatorSettings> indicators = new LinkedHashMap<>();
        if (root.has("indicators")) {
            JsonNode all = object(root.get("indicators"), "indicators", null);
            for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                indicators.put(e.getKey(), settings(e.getValue(), "indicators." + e.getKey()));
            }
        }
        Mapping.SignOff signOff = null;
        if (root.has("sign_off")) {
            JsonNode s = object(root.get("sign_off"), "sign_off", Set.of("by", "at"));
            if (!s.has("at")) {
                throw error("sign_off.at", "is required: {constant: 2014-11-07T00:00:00Z}, or a date column");
            }
            signOff = new Mapping.SignOff(required(s, "by", "sign_off.by"), field(s.get("at"), "sign_off.at"));
        }
        return new Mapping(file, name, source, definitions, filter, figures, register, indicators, signOff);
    }

    private Mapping.Figures figures(JsonNode node) {
        JsonNode f = object(node, "figures", Set.of("indicator_ref", "period", "area", "actual", "wide", "rag", "trend",
                "data_status", "comment", "reported_by", "planned", "stretch_planned", "comparison_group"));
        Map<String, Integer> wideColumns = new LinkedHashMap<>();
        boolean periodHeaders = false;
        if (f.has("wide")) {
            JsonNode w = object(f.get("wide"), "figures.wide", Set.of("columns", "period_headers"));
            if (w.has("columns")) {
                JsonNode cols = object(w.get("columns"), "figures.wide.columns", null);
                for (Iterator<Map.Entry<String, JsonNode>> it = cols.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
                        throw error("figures.wide.columns." + e.getKey(), "must be a whole number of quarters after the row's "
                                + "period (0 = this quarter, -1 = the quarter before), not " + e.getValue());
                    }
                    wideColumns.put(e.getKey(), e.getValue().intValue());
                }
            }
            if (w.has("period_headers")) {
                if (!w.get("period_headers").isBoolean()) {
                    throw error("figures.wide.period_headers", "must be true or false");
                }
                periodHeaders = w.get("period_headers").booleanValue();
            }
            if (wideColumns.isEmpty() == !periodHeaders) {
                throw error("figures.wide", "needs exactly one of columns (this-quarter/last-quarter columns) "
                        + "or period_headers: true (one column per quarter)");
            }
        }
        if (!f.has("indicator_ref")) {
            throw error("figures.indicator_ref", "is required");
        }
        Field ref = field(f.get("indicator_ref"), "figures.indicator_ref");
        Mapping.Period period = null;
        if (f.has("period")) {
            period = period(f.get("period"), "figures.period");
        } else if (!periodHeaders) {
            throw error("figures.period", "is required (unless figures.wide.period_headers is true)");
        }
        if (f.has("actual") == (wideColumns.size() + (periodHeaders ? 1 : 0) > 0)) {
            throw error("figures.actual", f.has("actual") ? "and figures.wide cannot both be given: one gives the values"
                    : "is required (or figures.wide for one column per quarter)");
        }
        return new Mapping.Figures(ref, period, optionalField(f, "area", "figures.area"),
                optionalField(f, "actual", "figures.actual"), wideColumns, periodHeaders,
                optionalField(f, "rag", "figures.rag"), optionalField(f, "trend", "figures.trend"),
                optionalField(f, "data_status", "figures.data_status"), optionalField(f, "comment", "figures.comment"),
                optionalField(f, "reported_by", "figures.reported_by"), optionalField(f, "planned", "figures.planned"),
                optionalField(f, "stretch_planned", "figures.stretch_planned"),
                optionalField(f, "comparison_group", "figures.comparison_group"));
    }

    private Mapping.Period period(JsonNode node, String key) {
        if (node.isTextual()) {
            return new Mapping.Period(Field.column(key, node.asText()), PeriodFormat.QUARTER, 0);
        }
        JsonNode p = object(node, key, union(FIELD_KEYS, Set.of("format", "shift")));
        PeriodFormat format = PeriodFormat.QUARTER;
        if (p.has("format")) {
            String f = p.get("format").asText().strip().toUpperCase(Locale.ROOT);
            try {
                format = PeriodFormat.valueOf(f);
            } catch (IllegalArgumentException e) {
                throw error(key + ".format", "'" + p.get("format").asText() + "' is not a period format; use quarter, date or month");
            }
        }
        int shift = 0;
        if (p.has("shift")) {
            if (!p.get("shift").isIntegralNumber()) {
                throw error(key + ".shift", "must be a whole number of quarters, not " + p.get("shift"));
            }
            shift = p.get("shift").intValue();
        }
        return new Mapping.Period(field(p, key, Set.of("format", "shift")), format, shift);
    }

    private IndicatorSettings settings(JsonNode node, String key) {
        Set<String> allowed = union(Set.copyOf(Mapping.REGISTER_FIELDS),
                Set.of("missing_actuals", "scale", "scale_periods", "aggregate", "no_target"));
        JsonNode s = object(node, key, allowed);
        Map<String, String> register = new LinkedHashMap<>();
        for (String field : Mapping.REGISTER_FIELDS) {
            if (s.has(field)) {
                register.put(field, scalar(s.get(field), key + "." + field));
                checkRegisterValue(field, register.get(field), key + "." + field);
            }
        }
        BigDecimal scale = s.has("scale") ? number(s.get("scale"), key + ".scale") : null;
        Set<FiscalQuarter> periods = new LinkedHashSet<>();
        if (s.has("scale_periods")) {
            for (String text : list(s.get("scale_periods"), key + ".scale_periods")) {
                try {
                    periods.add(FiscalQuarter.parse(text));
                } catch (PeriodFormatException e) {
                    throw error(key + ".scale_periods", e.getMessage());
                }
            }
        }
        Aggregate aggregate = null;
        if (s.has("aggregate")) {
            String a = s.get("aggregate").asText().strip().toUpperCase(Locale.ROOT);
            if (!a.equals("LAST") && !a.equals("SUM")) {
                throw error(key + ".aggregate", "'" + s.get("aggregate").asText() + "' is not last or sum");
            }
            aggregate = Aggregate.valueOf(a);
        }
        boolean noTarget = s.has("no_target") && s.get("no_target").asBoolean();
        if (s.has("no_target") && !s.get("no_target").isBoolean()) {
            throw error(key + ".no_target", "must be true or false");
        }
        return new IndicatorSettings(register, s.has("missing_actuals") ? lowerSet(s.get("missing_actuals"),
                key + ".missing_actuals") : Set.of(), scale, periods, aggregate, noTarget);
    }

    /** A register value set as a constant must be one the register accepts. */
    private void checkRegisterValue(String field, String value, String key) {
        try {
            switch (field) {
                case "polarity" -> Polarity.parse(value);
                case "unit" -> MeasureUnit.parse(value);
                case "accumulation" -> Accumulation.parse(value);
                case "baseline_period", "target_period" -> FiscalQuarter.parse(value);
                default -> {
                }
            }
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    private Field optionalField(JsonNode parent, String name, String key) {
        return parent.has(name) ? field(parent.get(name), key) : null;
    }

    private Field field(JsonNode node, String key) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            if (!node.isTextual() || node.asText().isBlank()) {
                throw error(key, "must be a column name or an object with column or constant");
            }
            return Field.column(key, node.asText());
        }
        return field(object(node, key, FIELD_KEYS), key, Set.of());
    }

    /** A field from an object that may hold other keys too ({@code extra}, already checked). */
    private Field field(JsonNode f, String key, Set<String> extra) {
        if (f.has("column") == f.has("constant")) {
            throw error(key, "needs exactly one of column or constant");
        }
        String column = f.has("column") ? scalar(f.get("column"), key + ".column") : null;
        String constant = f.has("constant") ? scalar(f.get("constant"), key + ".constant") : null;
        Pattern pattern = null;
        if (f.has("pattern")) {
            try {
                pattern = Pattern.compile(scalar(f.get("pattern"), key + ".pattern"));
            } catch (PatternSyntaxException e) {
                throw error(key + ".pattern", "is not a regular expression: " + e.getDescription());
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (f.has("values")) {
            JsonNode v = object(f.get("values"), key + ".values", null);
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                values.put(e.getKey().strip().toLowerCase(Locale.ROOT),
                        e.getValue().isNull() ? "" : scalar(e.getValue(), key + ".values." + e.getKey()));
            }
        }
        String blankWhenColumn = null;
        Set<String> blankWhenValues = Set.of();
        if (f.has("blank_when")) {
            JsonNode b = object(f.get("blank_when"), key + ".blank_when", Set.of("column", "values"));
            blankWhenColumn = required(b, "column", key + ".blank_when");
            blankWhenValues = lowerSet(b.get("values"), key + ".blank_when.values");
        }
        return new Field(key, column, constant, pattern, f.has("missing") ? lowerSet(f.get("missing"), key + ".missing") : Set.of(),
                blankWhenColumn, blankWhenValues, values, f.has("scale") ? number(f.get("scale"), key + ".scale") : null,
                f.has("default") ? scalar(f.get("default"), key + ".default") : null);
    }

    /** The node as an object whose keys are all in {@code allowed} (null: any key). */
    private JsonNode object(JsonNode node, String key, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw error(key.isEmpty() ? "(top level)" : key, "must be a mapping of keys to values");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (allowed != null && !allowed.contains(name)) {
                throw error(key.isEmpty() ? name : key + "." + name, "is not a key the mapping knows"
                        + (key.isEmpty() ? "" : " under " + key) + "; expected one of " + String.join(", ", sorted(allowed)));
            }
        }
        return node;
    }

    private String text(JsonNode parent, String name, String key) {
        return parent.has(name) ? scalar(parent.get(name), key) : null;
    }

    private String required(JsonNode parent, String name, String key) {
        if (!parent.has(name) || parent.get(name).isNull()) {
            throw error(key.endsWith(name) ? key : key + "." + name, "is required");
        }
        return scalar(parent.get(name), key);
    }

    private String scalar(JsonNode node, String key) {
        if (node == null || node.isContainerNode() || node.isNull()) {
            throw error(key, "must be a single value");
        }
        return node.asText();
    }

    private BigDecimal number(JsonNode node, String key) {
        if (!node.isNumber()) {
            throw error(key, "must be a number, not " + node);
        }
        return node.decimalValue();
    }

    private List<String> list(JsonNode node, String key) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(scalar(n, key)));
        } else {
            out.add(scalar(node, key));
        }
        return out;
    }

    private Set<String> lowerSet(JsonNode node, String key) {
        if (node == null) {
            throw error(key, "is required");
        }
        Set<String> out = new LinkedHashSet<>();
        list(node, key).forEach(v -> out.add(v.strip().toLowerCase(Locale.ROOT)));
        return out;
    }

    private MappingException error(String key, String problem) {
        return new MappingException(file + ": " + key + ": " + problem);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
