package io.trajectory.api.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.snapshot.Served;
import io.trajectory.api.web.AreaChoice;
import io.trajectory.api.web.RangeParameters;
import io.trajectory.api.web.Table;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.Comparison;
import io.trajectory.warehouse.query.ComparisonQuery;
import io.trajectory.warehouse.query.Mover;
import io.trajectory.warehouse.query.Subject;
import io.trajectory.warehouse.query.Transition;
import io.trajectory.warehouse.rating.Rating;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * What moved between two quarters: the indicators and commitments whose rating changed, grouped
 * as the commitments report groups them (red risks first, then "now Amber, was Green", then the
 * improvements), each with its officer and the later quarter's commentary as the warehouse's
 * movers carry them, with a matrix of every transition.
 */
@Hidden
@Controller("/moved")
@PageController
@ExecuteOn(TaskExecutors.BLOCKING)
public class MovedPage {

    /** The report's groups, in its order; an item falls in the first group that takes it. */
    static final List<Group> GROUPS = List.of(
            new Group("now-red", "Red risks: now Red", (f, t) -> t == Rating.RED),
            new Group("amber-was-green", "Now Amber, was Green", (f, t) -> t == Rating.AMBER && f == Rating.GREEN),
            new Group("green-was-amber", "Now Green, was Amber", (f, t) -> t == Rating.GREEN && f == Rating.AMBER),
            new Group("green-was-red", "Now Green, was Red", (f, t) -> t == Rating.GREEN && f == Rating.RED),
            new Group("amber-was-red", "Now Amber, was Red", (f, t) -> t == Rating.AMBER && f == Rating.RED),
            new Group("achieved", "Now Achieved", (f, t) -> t == Rating.ACHIEVED),
            new Group("other", "Other changes (no data, ended, no target)", (f, t) -> true));

    private final Pages pages;
    private final ComparisonQuery comparison;

    public MovedPage(Pages pages, ComparisonQuery comparison) {
        this.pages = pages;
        this.comparison = comparison;
    }

    @Get(produces = "text/html")
    public HttpResponse<?> moved(HttpRequest<?> request, @RequestBean RangeParameters range) throws SQLException {
        return pages.renderIn(request, "moved", range.area(), (c, info, area) -> {
            Quarters qs = quarters(info, range);
            Basis b = range.basis();
            String query = "?from=" + qs.from().key() + "&to=" + qs.to().key() + "&basis=" + b.code()
                    + (PageAreas.isHome(area, info) ? "" : "&area=" + Links.encode(area.code()));
            List<Section> sections = new ArrayList<>();
            for (Subject s : Subject.values()) {
                Comparison result = compare(c, area, qs, s, b);
                String key = s.code();
                String label = s == Subject.COMMITMENTS ? "Commitments" : "Indicators";
                ChartBlock chart = result.transitions().isEmpty() ? null : pages.chart(key + "-transitions",
                        Charts.transitions(qs.from().toString(), qs.to().toString(), label, result.transitions()),
                        "A matrix counting the " + key + " by their rating in " + qs.from() + " (rows) and in " + qs.to()
                                + " (columns); the diagonal stayed the same.",
                        "/moved/" + key + "-transitions.csv" + query);
                List<MovedGroup> groups = groups(result.movers());
                sections.add(new Section(key, label, groups, result.movers().size(),
                        result.transitions().stream().mapToLong(Transition::count).sum(),
                        result.transitions().stream().filter(t -> t.from() == Rating.RED && t.to() == Rating.RED)
                                .mapToLong(Transition::count).sum(),
                        "/moved/" + key + ".csv" + query, chart));
            }
            return new Model(area, qs.from().toString(), qs.to().toString(), b.code(), sections);
        });
    }

    @Get(uri = "/indicators.csv", produces = "text/csv")
    public Table<MovedItem> indicatorsCsv(@RequestBean RangeParameters range) throws SQLException {
        return itemsCsv("moved-indicators", Subject.INDICATORS, range);
    }

    @Get(uri = "/commitments.csv", produces = "text/csv")
    public Table<MovedItem> commitmentsCsv(@RequestBean RangeParameters range) throws SQLException {
        return itemsCsv("moved-commitments", Subject.COMMITMENTS, range);
    }

    @Get(uri = "/indicators-transitions.csv", produces = "text/csv")
    public Table<Transition> indicatorTransitionsCsv(@RequestBean RangeParameters range) throws SQLException {
        return transitionsCsv("indicator-transitions", Subject.INDICATORS, range);
    }

    @Get(uri = "/commitments-transitions.csv", produces = "text/csv")
    public Table<Transition> commitmentTransitionsCsv(@RequestBean RangeParameters range) throws SQLException {
        return transitionsCsv("commitment-transitions", Subject.COMMITMENTS, range);
    }

    /** The page's list as CSV, in the page's order: group by group. */
    private Table<MovedItem> itemsCsv(String name, Subject s, RangeParameters range) throws SQLException {
        return pages.table(name, MovedItem.class, (c, info) -> {
            List<MovedItem> ordered = new ArrayList<>();
            groups(compare(c, PageAreas.required(range.area(), info), quarters(info, range), s, range.basis()).movers())
                    .forEach(g -> g.items().forEach(m -> ordered.add(MovedItem.of(s, g.title(), m))));
            return ordered;
        });
    }

    private Table<Transition> transitionsCsv(String name, Subject s, RangeParameters range) throws SQLException {
        return pages.table(name, Transition.class, (c, info) ->
                compare(c, PageAreas.required(range.area(), info), quarters(info, range), s, range.basis()).transitions());
    }

    private Comparison compare(Connection c, AreaRow area, Quarters qs, Subject s, Basis b) throws SQLException {
        // commitments have no areas: they are the partnership's
        Integer key = s == Subject.COMMITMENTS ? AreaChoice.ALL.key() : Integer.valueOf(area.key());
        return comparison.compare(c, qs.from(), qs.to(), s, b, key, Long.MAX_VALUE);
    }

    /** The non-empty groups, in the report's order. */
    private static List<MovedGroup> groups(List<Mover> movers) {
        List<MovedGroup> groups = new ArrayList<>();
        for (Group g : GROUPS) {
            List<Mover> in = movers.stream().filter(m -> GROUPS.stream()
                    .filter(x -> x.takes().test(m.from(), m.to())).findFirst().orElseThrow() == g).toList();
            if (!in.isEmpty()) {
                groups.add(new MovedGroup(g.id(), g.title(), in));
            }
        }
        return groups;
    }

    /** By default the latest quarter and the one before it. */
    private static Quarters quarters(Served info, RangeParameters range) {
        FiscalQuarter t = Pages.withReturn(range.toOr(info.latest()), info, "to");
        FiscalQuarter f = Pages.withReturn(range.fromOr(t.previous()), info, "from");
        RangeParameters.ordered(f, t);
        return new Quarters(f, t);
    }

    record Group(String id, String title, BiPredicate<Rating, Rating> takes) {
    }

    /** The what-moved page: one section for indicators, one for commitments. */
    public record Model(AreaRow area, String from, String to, String basis, List<Section> sections) implements Page {

        @Override
        public String title() {
            return "What moved, " + from + " to " + to;
        }

        @Override
        public AreaRow shownArea() {
            return area;
        }

        @Override
        public Map<String, String> pinned() {
            return Map.of("from", from, "to", to);
        }

        @Override
        public List<String> quartersShown() {
            return List.of(from, to);
        }
    }

    /**
     * The page's part for indicators or commitments.
     *
     * @param compared the items rated in both quarters
     * @param stillRed of those, the ones Red in both (not listed: they did not move)
     */
    public record Section(String subject, String heading, List<MovedGroup> groups, int moved, long compared,
            long stillRed, String csv, ChartBlock chart) {
    }

    /** A group of the page, as the template shows it: the warehouse's movers in it. */
    public record MovedGroup(String id, String title, List<Mover> items) {
    }

    /**
     * A row of the page's CSV: a mover and the group the page shows it in ("Now Amber, was Green").
     *
     * @param comment the officer's commentary in the later quarter
     */
    public record MovedItem(String subject, String group, String fromPeriod, String toPeriod, String area, String ref,
            String title, String theme, Rating from, Rating to, String officer, String comment) {

        static MovedItem of(Subject subject, String group, Mover m) {
            return new MovedItem(subject.code(), group, m.fromPeriod(), m.toPeriod(), m.area(), m.ref(), m.title(),
                    m.theme(), m.from(), m.to(), m.officer(), m.comment());
        }
    }

    private record Quarters(FiscalQuarter from, FiscalQuarter to) {
    }
}
