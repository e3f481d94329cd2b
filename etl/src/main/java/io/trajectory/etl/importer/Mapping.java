package io.trajectory.etl.importer;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mapping file, read and checked by {@link MappingReader}: how a council's own export becomes a
 * landing zone. See {@code etl/mappings/README.md} for the format with examples.
 *
 * @param file        the mapping file's name, for messages
 * @param name        what the mapping is for
 * @param source      which SOURCE files hold the figures, and the sheet of a workbook
 * @param definitions an optional second table with one row per indicator (titles, units, polarity)
 * @param filter      rows are kept only when each named column holds one of the listed values
 * @param figures     how a row gives figures
 * @param register    how an indicator's register row is made (from its figure rows, or its definitions row)
 * @param indicators  per-indicator settings, by indicator_ref
 * @param signOff     the sign-off to write for every quarter, or null (then loads need --provisional)
 */
record Mapping(String file, String name, Source source, Definitions definitions, Map<String, Set<String>> filter,
               Figures figures, Map<String, Field> register, Map<String, IndicatorSettings> indicators, SignOff signOff) {

    /** @param files a glob on file names ({@code *.csv}); null = every SOURCE not taken by definitions */
    record Source(String files, String sheet) {
    }

    /** @param key the column holding the indicator_ref */
    record Definitions(String files, String sheet, String key) {
    }

    /** How a row's period is written. */
    enum PeriodFormat {
        /** Any spelling {@link FiscalQuarter#parse} accepts. */
        QUARTER,
        /** A date; the figure is for the quarter containing it, moved by {@code shift}. */
        DATE,
        /** A month; months are aggregated to quarters. */
        MONTH
    }

    record Period(Field field, PeriodFormat format, int shift) {
    }

    /**
     * @param wideColumns   wide layout: value column -> quarters after the row's period (0 this quarter, -1 the last)
     * @param periodHeaders wide layout: every column whose header is a quarter (or month) holds that period's value
     */
    record Figures(Field indicatorRef, Period period, Field area, Field actual, Map<String, Integer> wideColumns,
                   boolean periodHeaders, Field rag, Field trend, Field dataStatus, Field comment, Field reportedBy,
                   Field planned, Field stretchPlanned, Field comparisonGroup) {

        boolean isWide() {
            return !wideColumns.isEmpty() || periodHeaders;
        }
    }

    /** How months of one indicator become its quarter. */
    enum Aggregate {
        /** The quarter's last month (a level: a rate, a caseload). */
        LAST,
        /** The months added up: the quarter's for LEVEL, April to the quarter's end for CUMULATIVE_YTD. */
        SUM
    }

    /**
     * @param register       register values that replace the mapped ones (polarity, unit, ...)
     * @param missingActuals actual values that mean "no figure" for this indicator (e.g. 0)
     * @param scale          factor the actuals (and planned values) are multiplied by
     * @param scalePeriods   the quarters the scale applies to; empty = all
     * @param aggregate      how months become the quarter; null = by accumulation
     * @param noTarget       the indicator has no target: planned values and register targets dropped
     */
    record IndicatorSettings(Map<String, String> register, Set<String> missingActuals, BigDecimal scale,
                             Set<FiscalQuarter> scalePeriods, Aggregate aggregate, boolean noTarget) {
    }

    /** @param at the instant, or a date column (the latest date among the quarter's rows is taken) */
    record SignOff(String by, Field at) {
    }

    /** The register columns a mapping may set, in the register's order. */
    static final List<String> REGISTER_FIELDS = List.of("ni_code", "title", "theme", "polarity", "unit", "accumulation",
            "baseline_period", "baseline_value", "target_period", "target_value", "stretch_target_value", "reward_target",
            "responsible_officer");

    static final List<String> REQUIRED_REGISTER_FIELDS = List.of("title", "theme", "polarity", "unit", "accumulation");
}
