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
import io.trajectory.warehouse.query.AreaGapRow;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.IndicatorSummary;
import io.trajectory.warehouse.query.TrajectoryGapQuery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * District by district: one indicator in one quarter across an authority and every area within
 * it, side by side in one table and chart, each area against its own plan (an area without one
 * shows its figure and directions, and says it has no plan).
 */
@Hidden
@Controller("/indicator/areas")
@PageController
@ExecuteOn(TaskExecutors.BLOCKING)
public class AreaByAreaPage {

    private final Pages pages;
    private final TrajectoryGapQuery gaps;

    public AreaByAreaPage(Pages pages, TrajectoryGapQuery gaps) {
        this.pages = pages;
        this.gaps = gaps;
    }

    @Get(produces = "text/html")
    public HttpResponse<?> areas(HttpRequest<?> request, @Nullable @QueryValue String ref,
            @RequestBean QuarterParameters quarter) throws SQLException {
        return pages.renderIn(request, "indicator-areas", quarter.area(), (c, info, area) -> {
            IndicatorSummary d = indicator(info, ref);
            FiscalQuarter q = Pages.withReturn(quarter.periodOr(info.latest()), info, "period");
            List<AreaGapRow> rows = read(c, d, q, quarter, area);
            String query = "?ref=" + Links.encode(d.ref()) + "&period=" + q.key() + "&basis=" + quarter.basis().code()
                    + (PageAreas.isHome(area, info) ? "" : "&area=" + Links.encode(area.code()));
            ChartBlock chart = rows.stream().allMatch(r -> r.actual() == null) ? null : pages.chart("indicator-areas",
                    Charts.areas(d.ref(), d.title(), d.unit(), q.toString(), rows),
                    "Bar chart of " + d.ref() + " in " + q + " for " + area.name() + " and each area within it: the "
                            + "figure against the area's own planned trajectory. The table below has the figures.",
                    "/indicator/areas/areas.csv" + query);
            long withoutPlan = rows.stream().filter(r -> r.noPlanReason() != null).count();
            long behind = rows.stream().filter(r -> r.gap() != null && r.gap() < 0).count();
            String lead = rows.size() + " areas with a figure or a plan for " + d.ref() + " in " + q + "; " + behind
                    + " behind their own planned trajectory"
                    + (withoutPlan == 0 ? "." : "; " + withoutPlan + " without a plan of their own, so with no planned "
                            + "value, gap or computed rating.");
            return new Model(area, d, q.toString(), quarter.basis().code(), rows, lead, chart,
                    "/indicator/areas/areas.csv" + query);
        });
    }

    @Get(uri = "/areas.csv", produces = "text/csv")
    public Table<AreaGapRow> csv(@Nullable @QueryValue String ref, @RequestBean QuarterParameters quarter)
            throws SQLException {
        return pages.table("indicator-areas", AreaGapRow.class, (c, info) -> read(c, indicator(info, ref),
                Pages.withReturn(quarter.periodOr(info.latest()), info, "period"), quarter,
                PageAreas.required(quarter.area(), info)));
    }

    private List<AreaGapRow> read(Connection c, IndicatorSummary d, FiscalQuarter q, QuarterParameters quarter,
            AreaRow area) throws SQLException {
        return gaps.acrossAreas(c, d.ref(), q, quarter.basis(), area.key());
    }

    private static IndicatorSummary indicator(Served info, String ref) {
        if (ref == null || ref.isBlank()) {
            throw ProblemException.required("ref", "an indicator reference such as LAA 5.10");
        }
        return info.indicator(ref.strip()).orElseThrow(() -> ProblemException.notFound("ref", "No indicator '"
                + ref.strip() + "' in snapshot v" + info.version() + "; the Indicators page lists them."));
    }

    /** The page: one indicator in one quarter, the authority ({@code area}) first, then each area within it. */
    public record Model(AreaRow area, IndicatorSummary d, String period, String basis, List<AreaGapRow> rows,
            String lead, ChartBlock chart, String csv) implements Page {

        @Override
        public String title() {
            return d.ref() + " area by area, " + period;
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
}
