package io.trajectory.api.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.snapshot.Served;
import io.trajectory.api.web.Params;
import io.trajectory.api.web.ProblemException;
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
import java.util.HashMap;
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
            @Nullable @QueryValue String period, @Nullable @QueryValue String basis) {
        if (theme == null || theme.isBlank()) {
            return pages.render(request, "themes", "Themes", (c, info) -> {
                Map<String, Object> m = new HashMap<>();
                m.put("themeRows", info.themes());
                m.put("period", OverviewPage.quarter(period, info).toString());
                m.put("basis", Params.basis(basis).code());
                return m;
            });
        }
        return pages.render(request, "theme", theme.strip(), (c, info) -> {
            String name = known(theme, info);
            Basis b = Params.basis(basis);
            FiscalQuarter q = OverviewPage.quarter(period, info);
            List<ThemeTrendRow> history = history(c, info, name, q, b);
            List<GapRow> rows = gaps(c, info, name, q, b);
            Map<String, Object> m = new HashMap<>();
            m.put("title", name);
            m.put("theme", name);
            m.put("period", q.toString());
            m.put("basis", b.code());
            List<RatingBadge> shown = RatingBadge.summaryColumns(
                    history.stream().anyMatch(h -> h.rating().equals(Rating.ACHIEVED.name()) && h.count() > 0));
            m.put("ratings", shown);
            m.put("historyLines", historyLines(history, shown));
            m.put("gapRows", rows);
            long behind = rows.stream().filter(r -> r.gap() != null && r.gap() < 0).count();
            long disagree = rows.stream().filter(GapRow::ratingsDisagree).count();
            m.put("lead", rows.size() + " indicators in force in " + q + "; " + behind + " behind their planned trajectory; "
                    + (disagree == 0 ? "the officers' ratings all agree with the computed ones."
                            : disagree + " with an officer's rating that differs from the computed one."));
            m.put("ratingRule", gaps.rule().name() + ": " + gaps.rule().description());
            String query = "?theme=" + Links.encode(name) + "&period=" + q.key() + "&basis=" + b.code();
            m.put("historyChart", pages.chart("theme-ratings", Charts.themeRatings(name, history),
                    "Line chart of the number of " + name + " indicators with each rating, "
                            + (history.isEmpty() ? q.toString() : history.get(0).period())
                            + " to " + q + "; the table below has the figures.", "/theme/ratings.csv" + query));
            m.put("gapChart", pages.chart("theme-gaps", Charts.gap(q.toString(), rows, "Whole authority."),
                    "Bar chart of each indicator's gap to its planned trajectory in " + q
                            + " as a share of the improvement planned; the table below has the figures.",
                    "/theme/gaps.csv" + query));
            m.put("gapsCsv", "/theme/gaps.csv" + query);
            return m;
        });
    }

    @Get(uri = "/ratings.csv", produces = "text/csv")
    public HttpResponse<?> ratingsCsv(HttpRequest<?> request, @Nullable @QueryValue String theme,
            @Nullable @QueryValue String period, @Nullable @QueryValue String basis) {
        return pages.csv(request, "theme-ratings", ThemeTrendRow.class, (c, info) ->
                history(c, info, known(theme, info), OverviewPage.quarter(period, info), Params.basis(basis)));
    }

    @Get(uri = "/gaps.csv", produces = "text/csv")
    public HttpResponse<?> gapsCsv(HttpRequest<?> request, @Nullable @QueryValue String theme,
            @Nullable @QueryValue String period, @Nullable @QueryValue String basis) {
        return pages.csv(request, "theme-gaps", GapRow.class, (c, info) ->
                gaps(c, info, known(theme, info), OverviewPage.quarter(period, info), Params.basis(basis)));
    }

    private List<ThemeTrendRow> history(Connection c, Served info, String theme, FiscalQuarter q, Basis b)
            throws SQLException {
        return trend.themes(c, q.minusQuarters(QUARTERS_SHOWN - 1), q, b, Pages.wholeAuthority(info)).stream()
                .filter(r -> r.theme().equals(theme)).toList();
    }

    private List<GapRow> gaps(Connection c, Served info, String theme, FiscalQuarter q, Basis b) throws SQLException {
        return gaps.gaps(c, q, theme, b, Pages.wholeAuthority(info));
    }

    /** The theme's name as the snapshot spells it, or a 404 naming the themes there are. */
    static String known(String theme, Served info) {
        String wanted = Params.required("theme", theme, "a theme name");
        return info.themes().stream().map(ThemeRow::theme).filter(t -> t.equalsIgnoreCase(wanted.strip())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("theme", "No theme '" + wanted.strip() + "' in snapshot v"
                        + info.version() + ". The themes are: "
                        + info.themes().stream().map(ThemeRow::theme).collect(Collectors.joining(", ")) + "."));
    }

    /** One line per quarter: each shown rating's count and share. */
    private static List<HistoryLine> historyLines(List<ThemeTrendRow> history, List<RatingBadge> shown) {
        Map<String, Map<String, ThemeTrendRow>> byPeriod = new LinkedHashMap<>();
        history.forEach(h -> byPeriod.computeIfAbsent(h.period(), p -> new HashMap<>()).put(h.rating(), h));
        List<HistoryLine> lines = new ArrayList<>();
        byPeriod.forEach((period, cells) -> {
            List<String> texts = new ArrayList<>();
            for (RatingBadge b : shown) {
                ThemeTrendRow r = cells.get(b.code());
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
