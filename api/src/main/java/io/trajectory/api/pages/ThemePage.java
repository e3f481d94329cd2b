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
import io.trajectory.api.web.AreaChoice;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.QuarterParameters;
import io.trajectory.api.web.Table;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.GapRow;
import io.trajectory.warehouse.query.ThemeRow;
import io.trajectory.warehouse.query.ThemeTrendRow;
import io.trajectory.warehouse.query.TrajectoryGapQuery;
import io.trajectory.warehouse.query.TrendQuery;
import io.trajectory.warehouse.rating.Rating;

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
            return pages.render(request, "themes", (c, info) ->
                    new ListModel(info.themes(), quarter.periodOr(info.latest()).toString(), quarter.basis().code()));
        }
        return pages.render(request, "theme", (c, info) -> {
            String name = known(theme, info);
            Basis b = quarter.basis();
            FiscalQuarter q = quarter.periodOr(info.latest());
            List<ThemeTrendRow> history = history(c, info, name, q, b);
            List<GapRow> rows = gaps(c, info, name, q, b);
            List<Rating> shown = RatingBadge.summaryColumns(
                    history.stream().anyMatch(h -> h.rating() == Rating.ACHIEVED && h.count() > 0));
            long behind = rows.stream().filter(r -> r.gap() != null && r.gap() < 0).count();
            long disagree = rows.stream().filter(GapRow::ratingsDisagree).count();
            String lead = rows.size() + " indicators in force in " + q + "; " + behind + " behind their planned trajectory; "
                    + (disagree == 0 ? "the officers' ratings all agree with the computed ones."
                            : disagree + " with an officer's rating that differs from the computed one.");
            String query = "?theme=" + Links.encode(name) + "&period=" + q.key() + "&basis=" + b.code();
            ChartBlock historyChart = pages.chart("theme-ratings", Charts.themeRatings(name, history),
                    "Line chart of the number of " + name + " indicators with each rating, "
                            + (history.isEmpty() ? q.toString() : history.get(0).period())
                            + " to " + q + "; the table below has the figures.", "/theme/ratings.csv" + query);
            ChartBlock gapChart = pages.chart("theme-gaps", Charts.gap(q.toString(), rows, "Whole authority."),
                    "Bar chart of each indicator's gap to its planned trajectory in " + q
                            + " as a share of the improvement planned; the table below has the figures.",
                    "/theme/gaps.csv" + query);
            return new Model(name, q.toString(), b.code(), shown, historyLines(history, shown), rows, lead,
                    gaps.rule().name() + ": " + gaps.rule().description(), historyChart, gapChart, "/theme/gaps.csv" + query);
        });
    }

    @Get(uri = "/ratings.csv", produces = "text/csv")
    public Table<ThemeTrendRow> ratingsCsv(@Nullable @QueryValue String theme, @RequestBean QuarterParameters quarter)
            throws SQLException {
        return pages.table("theme-ratings", ThemeTrendRow.class, (c, info) ->
                history(c, info, known(theme, info), quarter.periodOr(info.latest()), quarter.basis()));
    }

    @Get(uri = "/gaps.csv", produces = "text/csv")
    public Table<GapRow> gapsCsv(@Nullable @QueryValue String theme, @RequestBean QuarterParameters quarter)
            throws SQLException {
        return pages.table("theme-gaps", GapRow.class, (c, info) ->
                gaps(c, info, known(theme, info), quarter.periodOr(info.latest()), quarter.basis()));
    }

    /**
     * A theme's page.
     *
     * @param ratings      the rating columns of its history, in the report's order
     * @param historyLines its ratings quarter by quarter, as the table prints them
     */
    public record Model(String theme, String period, String basis, List<Rating> ratings, List<HistoryLine> historyLines,
            List<GapRow> gapRows, String lead, String ratingRule, ChartBlock historyChart, ChartBlock gapChart,
            String gapsCsv) implements Page {

        @Override
        public String title() {
            return theme;
        }
    }

    /** The list of themes, each linking to its page for the quarter and basis chosen. */
    public record ListModel(List<ThemeRow> themeRows, String period, String basis) implements Page {

        @Override
        public String title() {
            return "Themes";
        }
    }

    private List<ThemeTrendRow> history(Connection c, Served info, String theme, FiscalQuarter q, Basis b)
            throws SQLException {
        return trend.themes(c, q.minusQuarters(QUARTERS_SHOWN - 1), q, b, AreaChoice.wholeAuthority(info.areas()).key())
                .stream().filter(r -> r.theme().equals(theme)).toList();
    }

    private List<GapRow> gaps(Connection c, Served info, String theme, FiscalQuarter q, Basis b) throws SQLException {
        return gaps.gaps(c, q, theme, b, AreaChoice.wholeAuthority(info.areas()).key());
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
