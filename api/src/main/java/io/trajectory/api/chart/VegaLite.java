package io.trajectory.api.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A small typed subset of Vega-Lite v5: enough for the service's charts, and nothing that can
 * produce an invalid spec by accident. Records serialise to Vega-Lite JSON (nulls left out);
 * {@link Spec.Builder} assembles a chart. Tests validate every chart against the official schema.
 */
public final class VegaLite {

    public static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

    private VegaLite() {
    }

    /** A chart or a part of one (layer, facet, concatenation). Only a top-level spec has {@code $schema}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(
            @JsonProperty("$schema") String schema,
            Title title,
            String description,
            Data data,
            List<Transform> transform,
            Mark mark,
            Encoding encoding,
            List<Spec> layer,
            FacetField facet,
            Integer columns,
            Spec spec,
            List<Spec> vconcat,
            Object width,
            Object height,
            Resolve resolve,
            Config config) {

        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Spec}; not thread-safe. */
        public static final class Builder {
            private boolean topLevel;
            private Title title;
            private String description;
            private Data data;
            private final List<Transform> transform = new ArrayList<>();
            private Mark mark;
            private Encoding encoding;
            private final List<Spec> layer = new ArrayList<>();
            private FacetField facet;
            private Integer columns;
            private Spec spec;
            private final List<Spec> vconcat = new ArrayList<>();
            private Object width;
            private Object height;
            private Resolve resolve;
            private Config config;

            /** Marks the spec as a whole chart: adds {@code $schema} and the shared look. */
            public Builder topLevel() {
                topLevel = true;
                return this;
            }

            public Builder title(String text, String subtitle) {
                title = new Title(text, subtitle);
                return this;
            }

            public Builder description(String text) {
                description = text;
                return this;
            }

            public Builder values(List<? extends Map<String, ?>> rows) {
                data = new Data(List.copyOf(rows));
                return this;
            }

            public Builder filter(String expression) {
                transform.add(new Transform(expression));
                return this;
            }

            public Builder mark(Mark m) {
                mark = m;
                return this;
            }

            public Builder encoding(Encoding e) {
                encoding = e;
                return this;
            }

            public Builder layer(Spec... layers) {
                layer.addAll(Arrays.asList(layers));
                return this;
            }

            /** Small multiples: one {@code inner} chart per value of {@code field}, wrapped in {@code columns}. */
            public Builder facet(FacetField field, int wrapColumns, Spec inner) {
                facet = field;
                columns = wrapColumns;
                spec = inner;
                return this;
            }

            public Builder vconcat(Spec... parts) {
                vconcat.addAll(Arrays.asList(parts));
                return this;
            }

            public Builder size(Object w, Object h) {
                width = w;
                height = h;
                return this;
            }

            /** Each part (facet, layer) gets its own y scale: small multiples of very different sizes. */
            public Builder independentY() {
                resolve = new Resolve(new ResolveScale(null, "independent"));
                return this;
            }

            public Spec build() {
                return new Spec(topLevel ? SCHEMA : null, title, description, data,
                        transform.isEmpty() ? null : List.copyOf(transform), mark, encoding,
                        layer.isEmpty() ? null : List.copyOf(layer), facet, columns, spec,
                        vconcat.isEmpty() ? null : List.copyOf(vconcat), width, height, resolve,
                        topLevel ? Config.DEFAULT : config);
            }
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Title(String text, String subtitle) {
    }

    /** Inline data: the chart renders with nothing else to fetch. */
    @Serdeable
    public record Data(List<Map<String, ?>> values) {
    }

    @Serdeable
    public record Transform(String filter) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mark(String type, Boolean point, List<Integer> strokeDash, String color, Double opacity,
            Double strokeWidth, Boolean tooltip, Double size, String align, String baseline, String fontWeight,
            Boolean filled) {

        public static Mark of(String type) {
            return new Mark(type, null, null, null, null, null, true, null, null, null, null, null);
        }

        /** Lines with a point at each value. */
        public Mark withPoint(boolean p) {
            return new Mark(type, p, strokeDash, color, opacity, strokeWidth, tooltip, size, align, baseline, fontWeight, filled);
        }

        /** Text anchored at its point, e.g. {@code "bottom"} to sit on top of a bar. */
        public Mark withBaseline(String b) {
            return new Mark(type, point, strokeDash, color, opacity, strokeWidth, tooltip, size, align, b, fontWeight, filled);
        }

        public Mark withFilled(boolean f) {
            return new Mark(type, point, strokeDash, color, opacity, strokeWidth, tooltip, size, align, baseline, fontWeight, f);
        }

        public Mark withStrokeDash(Integer... dash) {
            return new Mark(type, point, List.of(dash), color, opacity, strokeWidth, tooltip, size, align, baseline, fontWeight, filled);
        }

        public Mark withColor(String c) {
            return new Mark(type, point, strokeDash, c, opacity, strokeWidth, tooltip, size, align, baseline, fontWeight, filled);
        }

        public Mark withOpacity(double o) {
            return new Mark(type, point, strokeDash, color, o, strokeWidth, tooltip, size, align, baseline, fontWeight, filled);
        }

        public Mark withStrokeWidth(double w) {
            return new Mark(type, point, strokeDash, color, opacity, w, tooltip, size, align, baseline, fontWeight, filled);
        }

        public Mark withSize(double s) {
            return new Mark(type, point, strokeDash, color, opacity, strokeWidth, tooltip, s, align, baseline, fontWeight, filled);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Encoding(Field x, Field y, Field xOffset, Field color, Field opacity, Field strokeDash, Field shape,
            Field text, List<Field> tooltip) {

        public static Builder builder() {
            return new Builder();
        }

        /** Builds an {@link Encoding}; not thread-safe. */
        public static final class Builder {
            private Field x;
            private Field y;
            private Field xOffset;
            private Field color;
            private Field opacity;
            private Field strokeDash;
            private Field shape;
            private Field text;
            private final List<Field> tooltip = new ArrayList<>();

            public Builder x(Field f) {
                x = f;
                return this;
            }

            public Builder y(Field f) {
                y = f;
                return this;
            }

            public Builder xOffset(Field f) {
                xOffset = f;
                return this;
            }

            public Builder color(Field f) {
                color = f;
                return this;
            }

            public Builder opacity(Field f) {
                opacity = f;
                return this;
            }

            public Builder strokeDash(Field f) {
                strokeDash = f;
                return this;
            }

            public Builder shape(Field f) {
                shape = f;
                return this;
            }

            public Builder text(Field f) {
                text = f;
                return this;
            }

            public Builder tooltip(Field... fields) {
                tooltip.addAll(Arrays.asList(fields));
                return this;
            }

            public Encoding build() {
                return new Encoding(x, y, xOffset, color, opacity, strokeDash, shape, text,
                        tooltip.isEmpty() ? null : List.copyOf(tooltip));
            }
        }
    }

    /** A field on a channel. {@code type} is quantitative, ordinal, nominal or temporal. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(String field, String type, String title, String aggregate, Object sort, Scale scale, Axis axis,
            Legend legend, String format, Object stack) {

        public static Field quantitative(String field, String title) {
            return new Field(field, "quantitative", title, null, null, null, null, null, null, null);
        }

        public static Field ordinal(String field, String title) {
            return new Field(field, "ordinal", title, null, null, null, null, null, null, null);
        }

        public static Field nominal(String field, String title) {
            return new Field(field, "nominal", title, null, null, null, null, null, null, null);
        }

        /** Order the values as listed (e.g. quarters oldest first, ratings in report order). */
        public Field sortedAs(List<String> order) {
            return new Field(field, type, title, aggregate, List.copyOf(order), scale, axis, legend, format, stack);
        }

        /** Sort by another channel, e.g. {@code "-x"} for largest first. */
        public Field sortedBy(String channel) {
            return new Field(field, type, title, aggregate, channel, scale, axis, legend, format, stack);
        }

        public Field withScale(Scale s) {
            return new Field(field, type, title, aggregate, sort, s, axis, legend, format, stack);
        }

        public Field withAxis(Axis a) {
            return new Field(field, type, title, aggregate, sort, scale, a, legend, format, stack);
        }

        public Field withLegend(Legend l) {
            return new Field(field, type, title, aggregate, sort, scale, axis, l, format, stack);
        }

        public Field withFormat(String f) {
            return new Field(field, type, title, aggregate, sort, scale, axis, legend, f, stack);
        }

        public Field withAggregate(String a) {
            return new Field(field, type, title, a, sort, scale, axis, legend, format, stack);
        }

        /** {@code "zero"} (stacked), {@code "normalize"} or {@code false}... given as a string or Boolean. */
        public Field withStack(Object s) {
            return new Field(field, type, title, aggregate, sort, scale, axis, legend, format, s);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scale(List<?> domain, List<?> range, Boolean zero, String scheme) {

        public static Scale mapping(List<String> domain, List<?> range) {
            return new Scale(List.copyOf(domain), List.copyOf(range), null, null);
        }

        public static Scale notFromZero() {
            return new Scale(null, null, false, null);
        }

        public static Scale scheme(String name) {
            return new Scale(null, null, null, name);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Axis(String title, String format, Integer labelAngle, Integer labelLimit, Boolean labels,
                       Boolean ticks) {

        public static Axis labels(Integer angle, Integer limit) {
            return new Axis(null, null, angle, limit, null, null);
        }

        /**
         * Labels as {@link #labels}, and no axis title: for labels that name themselves (a title
         * beside long, measured-too-short labels is drawn over them).
         */
        public static Axis labelsWithoutTitle(Integer angle, Integer limit) {
            return new Axis("", null, angle, limit, null, null);
        }

        public static Axis format(String format) {
            return new Axis(null, format, null, null, null, null);
        }

        /** No labels or ticks: for a category axis with too many values to read (the tooltip names them). */
        public static Axis withoutLabels() {
            return new Axis(null, null, null, null, false, false);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Legend(String title, String orient, Integer labelLimit) {

        public static Legend titled(String title) {
            return new Legend(title, null, 260);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FacetField(String field, String type, String title, Object sort) {
    }

    @Serdeable
    public record Resolve(ResolveScale scale) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResolveScale(String color, String y) {
    }

    /** The shared look: readable fonts, no chart border. */
    @Serdeable
    public record Config(ViewConfig view, FontConfig axis, FontConfig legend, TitleConfig title) {
        static final Config DEFAULT = new Config(new ViewConfig(0), new FontConfig(12, 13), new FontConfig(12, 13),
                new TitleConfig(16, "start"));
    }

    @Serdeable
    public record ViewConfig(Integer strokeWidth) {
    }

    @Serdeable
    public record FontConfig(Integer labelFontSize, Integer titleFontSize) {
    }

    @Serdeable
    public record TitleConfig(Integer fontSize, String anchor) {
    }
}
