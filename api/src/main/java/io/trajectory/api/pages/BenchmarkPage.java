package io.trajectory.api.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.snapshot.Served;
import io.trajectory.api.web.GroupChoice;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.QuarterParameters;
import io.trajectory.api.web.Table;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.Benchmark;
import io.trajectory.warehouse.query.BenchmarkQuery;
import io.trajectory.warehouse.query.BenchmarkRow;
import io.trajectory.warehouse.query.ComparisonGroup;
import io.trajectory.warehouse.query.IndicatorSummary;
import io.trajectory.warehouse.query.NaturalOrder;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How do we compare: one indicator in one quarter, every area of the comparison set ranked best
 * to worst with the chosen area marked, as {@code /api/v1/benchmark} answers it. The set is the
 * comparison group chosen, else every area of the chosen area's kind.
 */
@Hidden
@Controller("/benchmark")
@PageController
@ExecuteOn(TaskExecutors.BLOCKING)
public class BenchmarkPage {

    private final Pages pages;
    private final BenchmarkQuery benchmarks;

    public BenchmarkPage(Pages pages, BenchmarkQuery benchmarks) {
        this.pages = pages;
        this.benchmarks = benchmarks;
    }

    @Get(produces = "text/html")
    public HttpResponse<?> benchmark(HttpRequest<?> request, @Nullable @QueryValue String indicator,
            @Nullable @QueryValue String group, @RequestBean QuarterParameters quarter) throws SQLException {
        return pages.renderIn(request, "benchmark", quarter.area(), (c, info, area) -> {
            Asked a = asked(info, indicator, group, quarter, area);
            Benchmark b = read(c, a, quarter);
            String query = "?indicator=" + Links.encode(a.d().ref()) + "&period=" + a.period().key() + "&basis="
                    + quarter.basis().code() + (PageAreas.isHome(area, info) ? "" : "&area=" + Links.encode(area.code()))
                    + a.group().map(g -> "&group=" + Links.encode(g.name())).orElse("");
            String set = a.setLabel();
            ChartBlock chart = b.rows().isEmpty() ? null : pages.chart("benchmark",
                    Charts.benchmark(a.d().ref(), a.d().title(), a.d().unit(), a.period().toString(), set, b),
                    "Dot plot of every area's figure in " + set + " in " + a.period() + ", best to worst from left to right"
                            + (b.focus() == null ? "" : ", " + b.focus().areaName() + " marked")
                            + ", with the median and quartiles as rules. The table below has the figures.",
                    "/benchmark/ranking.csv" + query);
            return new Model(area, a.d(), a.period().toString(), quarter.basis().code(),
                    a.group().map(ComparisonGroup::name).orElse(""), info.groups(), List.copyOf(info.indicators().values()
                            .stream().map(IndicatorSummary::ref).sorted(NaturalOrder.INSTANCE).toList()),
                    set, b, lead(a, b), chart, "/benchmark/ranking.csv" + query);
        });
    }

    @Get(uri = "/ranking.csv", produces = "text/csv")
    public Table<BenchmarkRow> csv(@Nullable @QueryValue String indicator, @Nullable @QueryValue String group,
            @RequestBean QuarterParameters quarter) throws SQLException {
        return pages.table("benchmark", BenchmarkRow.class, (c, info) ->
                read(c, asked(info, indicator, group, quarter, PageAreas.required(quarter.area(), info)), quarter).rows());
    }

    /** What was asked: the indicator, the quarter (one with a return), the group, and the area to pick out. */
    private record Asked(IndicatorSummary d, FiscalQuarter period, Optional<ComparisonGroup> group, AreaRow focus) {

        /** As the API names it: the group, else every area of the focus's kind. */
        String setLabel() {
            return group.map(g -> "the comparison group " + g.name())
                    .orElse(focus == null ? "every area" : "every " + focus.type());
        }
    }

    private static Asked asked(Served info, String indicator, String group, QuarterParameters quarter, AreaRow area) {
        if (indicator == null || indicator.isBlank()) {
            throw ProblemException.required("indicator", "an indicator reference such as LAA 5.10");
        }
        IndicatorSummary d = info.indicator(indicator.strip()).orElseThrow(() -> ProblemException.notFound("indicator",
                "No indicator '" + indicator.strip() + "' in snapshot v" + info.version()
                        + "; the Indicators page lists them."));
        FiscalQuarter p = Pages.withReturn(quarter.periodOr(info.latest()), info, "period");
        // the whole authority is not ranked among its own areas: with it chosen no row is picked out
        return new Asked(d, p, GroupChoice.of(group, info), area.wholeAuthority() ? null : area);
    }

    private Benchmark read(Connection c, Asked a, QuarterParameters quarter) throws SQLException {
        String areaType = a.group().isPresent() || a.focus() == null ? null : a.focus().type();
        return benchmarks.benchmark(c, a.d().ref(), a.period(), quarter.basis(),
                a.group().map(ComparisonGroup::key).orElse(null), areaType, a.focus() == null ? null : a.focus().code());
    }

    /** "Harnby BC is 2nd of 6 in every district (quartile 1); the median is 1,625 (quartiles 1,200 to 2,000)." */
    private static String lead(Asked a, Benchmark b) {
        if (b.rows().isEmpty()) {
            return "No area in " + a.setLabel() + " has a figure for " + a.d().ref() + " in " + a.period() + ".";
        }
        Formats f = Formats.INSTANCE;
        String focus;
        if (a.focus() == null) {
            focus = b.rows().size() + " areas" + a.group().map(g -> " of the comparison group " + g.name()).orElse("")
                    + " have a figure in " + a.period();
        } else if (b.focus() == null) {
            focus = a.focus().name() + " has no figure in " + a.period() + ", so it is not ranked among the "
                    + b.rows().size() + " areas of " + a.setLabel() + " that have one";
        } else {
            focus = b.focus().areaName() + " is " + Charts.ordinal(b.focus().rank()) + " of " + b.focus().of() + " in "
                    + a.setLabel() + " (quartile " + b.focus().quartile() + ", where 1 is the best quarter)";
        }
        return focus + "; the median is " + f.number(b.summary().median()) + " (quartiles "
                + f.number(b.summary().lowerQuartile()) + " to " + f.number(b.summary().upperQuartile()) + "), best "
                + f.number(b.summary().best()) + ", worst " + f.number(b.summary().worst()) + ".";
    }

    /**
     * The page: the indicator, the quarter, the group chosen ({@code ""}: none) and the groups
     * there are, the indicators for its control, the ranked rows and summary, and the chart.
     */
    public record Model(AreaRow area, IndicatorSummary d, String period, String basis, String group,
            List<ComparisonGroup> groups, List<String> indicators, String set, Benchmark b, String lead,
            ChartBlock chart, String csv) implements Page {

        @Override
        public String title() {
            return "How do we compare: " + d.ref() + ", " + period;
        }

        @Override
        public AreaRow shownArea() {
            return area;
        }

        @Override
        public Map<String, String> pinned() {
            return Map.of("period", period);
        }

        @Override
        public List<String> quartersShown() {
            return List.of(period);
        }

        /** Whether {@code row} is the chosen area's. */
        public boolean isFocus(BenchmarkRow row) {
            return b.focus() != null && b.focus().area().equals(row.area());
        }
    }
}
