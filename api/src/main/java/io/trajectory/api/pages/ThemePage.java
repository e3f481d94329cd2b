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
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.QuarterParameters;
import io.trajectory.api.web.Table;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.GapRow;
import io.trajectory.warehouse.query.ThemeRow;
import io.trajectory.warehouse.query.ThemeTrendRow;
import io.trajectory.warehouse.query.TrajectoryGapQuery;
import io.trajectory.warehouse.query.TrendQuery;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.spc.ControlChart;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A theme: how many of its indicators had each rating over the last two years, and where each
 * indicator stands against its trajectory in the chosen quarter. Without a theme, the list of
 * themes.
 */
@Hidden
@Controller("/theme")
@PageController
@ExecuteOn(TaskExecutors.BLOCKING)
public class ThemePage {

    /** Quarters of history shown: this one and the seven before, two years. */
    static final int QUARTERS_SHOWN = 8;

    private final Pages pages;
    private final TrendQuery trend;
    private final TrajectoryGapQuery gaps;

    public ThemePage(Pages pages, TrendQuery trend, TrajectoryGapQuery gaps) {
        this.pages = pages;
        this.trend = trend;
        this.gaps = gaps;
    }

    @Get(produces = "text/html")
    public HttpResponse<?> theme(HttpRequest<?> request, @Nullable @QueryValue String theme,
            @RequestBean QuarterParameters quarter) throws SQLException {
        if (theme == null || theme.isBlank()) {
            return pages.renderIn(request, "themes", quarter.area(), (c, info, area) ->
                    new ListModel(area, info.themes(), quarter.periodOr(info.latest()).toString(), quarter.basis().code()));
        }
        return pages.renderIn(request, "theme", quarter.area(), (c, info, area) -> {
            String name = known(theme, info);
            Basis b = quarter.basis();
            FiscalQuarter q = Pages.withReturn(quarter.periodOr(info.latest()), info, "period");
            List<ThemeTrendRow> history = history(c, name, q, b, area);
            List<GapRow> rows = gaps(c, name, q, b, area);
            // each indicator's XmR chart over the range its own page shows by default (first return to this quarter)
            FiscalQuarter from = IndicatorPage.firstPublished(info, q);
            Map<String, ControlChart> charts = trend.themeProcessControl(c, name, area.key(), from, q, b);
            List<ThemeLine> lines = rows.stream().map(g -> new ThemeLine(g, charts.containsKey(g.indicator())
                    ? ProcessReading.of(charts.get(g.indicator())) : null)).toList();
            List<Rating> shown = RatingBadge.summaryColumns(
                    history.stream().anyMatch(h -> h.rating() == Rating.ACHIEVED && h.count() > 0));
            long behind = rows.stream().filter(r -> r.gap() != null && r.gap() < 0).count();
            long disagree = rows.stream().filter(GapRow::ratingsDisagree).count();
            String lead = rows.size() + " indicators in force in " + q + "; " + behind + " behind their planned trajectory; "
                    + (disagree == 0 ? "the officers' ratings all agree with the computed ones."
                            : disagree + " with an officer's rating that differs from the computed one.");
            String query = "?theme=" + Links.encode(name) + "&period=" + q.key() + "&basis=" + b.code()
                    + (PageAreas.isHome(area, info) ? "" : "&area=" + Links.encode(area.code()));
            // an area whose officers rate nothing (a district reporting figures only) has no ratings to chart
            boolean rated = history.stream().anyMatch(h -> h.rating().isCounted() && h.count() > 0);
            ChartBlock historyChart = !rated ? null : pages.chart("theme-ratings", Charts.themeRatings(name, history),
                    "Line chart of the number of " + name + " indicators with each rating, "
                            + (history.isEmpty() ? q.toString() : history.get(0).period())
                            + " to " + q + "; the table below has the figures.", "/theme/ratings.csv" + query);
            // an area with no plan of its own for any of the theme's indicators has no gaps to chart
            ChartBlock gapChart = rows.stream().noneMatch(r -> r.gapShareOfPlannedImprovement() != null) ? null
                    : pages.chart("theme-gaps", Charts.gap(q.toString(), rows, describe(area)),
                    "Bar chart of each indicator's gap to its planned trajectory in " + q
                            + " as a share of the improvement planned; the table below has the figures.",
                    "/theme/gaps.csv" + query);
            return new Model(area, name, q.toString(), from.toString(), b.code(), shown, historyLines(history, shown),
                    rows, lines, lead, gaps.rule().name() + ": " + gaps.rule().description(), historyChart, gapChart,
                    "/theme/gaps.csv" + query);
        });
    }

    @Get(uri = "/ratings.csv", produces = "text/csv")
    public Table<ThemeTrendRow> ratingsCsv(@Nullable @QueryValue String theme, @RequestBean QuarterParameters quarter)
            throws SQLException {
        return pages.table("theme-ratings", ThemeTrendRow.class, (c, info) -> history(c, known(theme, info),
                Pages.withReturn(quarter.periodOr(info.latest()), info, "period"), quarter.basis(),
                PageAreas.required(quarter.area(), info)));
    }

    @Get(uri = "/gaps.csv", produces = "text/csv")
    public Table<GapRow> gapsCsv(@Nullable @QueryValue String theme, @RequestBean QuarterParameters quarter)
            throws SQLException {
        return pages.table("theme-gaps", GapRow.class, (c, info) -> gaps(c, known(theme, info),
                Pages.withReturn(quarter.periodOr(info.latest()), info, "period"), quarter.basis(),
                PageAreas.required(quarter.area(), info)));
    }

    /**
     * A theme's page.
     *
     * @param ratings      the rating columns of its history, in the report's order
     * @param historyLines its ratings quarter by quarter, as the table prints them
     */
    public record Model(AreaRow area, String theme, String period, String spcFrom, String basis, List<Rating> ratings,
            List<HistoryLine> historyLines, List<GapRow> gapRows, List<ThemeLine> lines, String lead, String ratingRule,
            ChartBlock historyChart, ChartBlock gapChart, String gapsCsv) implements Page {

        @Override
        public String title() {
            return theme;
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
    }

    /**
     * An indicator's line of the theme's table: where it stands against its plan, and what its XmR
     * chart says (null when it had no figures in the range).
     */
    public record ThemeLine(GapRow gap, ProcessReading spc) {
    }

    /** The list of themes, each linking to its page for the quarter and basis chosen. */
    public record ListModel(AreaRow area, List<ThemeRow> themeRows, String period, String basis) implements Page {

        @Override
        public String title() {
            return "Themes";
        }

        @Override
        public AreaRow shownArea() {
            return area;
        }
    }

    private List<ThemeTrendRow> history(Connection c, String theme, FiscalQuarter q, Basis b, AreaRow area)
            throws SQLException {
        return trend.themes(c, q.minusQuarters(QUARTERS_SHOWN - 1), q, b, area.key())
                .stream().filter(r -> r.theme().equals(theme)).toList();
    }

    private List<GapRow> gaps(Connection c, String theme, FiscalQuarter q, Basis b, AreaRow area) throws SQLException {
        return gaps.gaps(c, q, theme, b, area.key());
    }

    /** For a chart's subtitle: "Whole authority." or "Harnby BC.". */
    static String describe(AreaRow area) {
        return area.wholeAuthority() ? "Whole authority." : area.name() + ".";
    }

    /** The theme's name as the snapshot spells it, or a 404 naming the themes there are. */
    static String known(String theme, Served info) {
        if (theme == null || theme.isBlank()) {
            throw ProblemException.required("theme", "a theme name");
        }
        String wanted = theme.strip();
        return info.themes().stream().map(ThemeRow::theme).filter(t -> t.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("theme", "No theme '" + wanted + "' in snapshot v"
                        + info.version() + ". The themes are: "
                        + info.themes().stream().map(ThemeRow::theme).collect(Collectors.joining(", ")) + "."));
    }

    /** One line per quarter: each shown rating's count and share. */
    private static List<HistoryLine> historyLines(List<ThemeTrendRow> history, List<Rating> shown) {
        Map<String, Map<Rating, ThemeTrendRow>> byPeriod = new LinkedHashMap<>();
        history.forEach(h -> byPeriod.computeIfAbsent(h.period(), p -> new EnumMap<>(Rating.class)).put(h.rating(), h));
        List<HistoryLine> lines = new ArrayList<>();
        byPeriod.forEach((period, cells) -> {
            List<String> texts = new ArrayList<>();
            for (Rating rating : shown) {
                ThemeTrendRow r = cells.get(rating);
                texts.add(r == null ? "0" : Formats.INSTANCE.countShare(r.count(), r.share()));
            }
            lines.add(new HistoryLine(period, texts));
        });
        return lines;
    }

    /** A quarter's line in the theme's rating history. */
    public record HistoryLine(String period, List<String> cells) {
    }
}
