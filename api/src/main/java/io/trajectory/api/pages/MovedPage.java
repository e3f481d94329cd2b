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
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.CommitmentRow;
import io.trajectory.warehouse.query.CommitmentsQuery;
import io.trajectory.warehouse.query.Comparison;
import io.trajectory.warehouse.query.ComparisonQuery;
import io.trajectory.warehouse.query.GapRow;
import io.trajectory.warehouse.query.IndicatorSummary;
import io.trajectory.warehouse.query.Mover;
import io.trajectory.warehouse.query.Subject;
import io.trajectory.warehouse.query.TrajectoryGapQuery;
import io.trajectory.warehouse.query.Transition;
import io.trajectory.warehouse.rating.Rating;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * What moved between two quarters: the indicators and commitments whose rating changed, grouped
 * as the commitments report groups them (red risks first, then "now Amber, was Green", then the
 * improvements), with a matrix of every transition.
 */
@Hidden
@Controller("/moved")
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
    private final CommitmentsQuery commitments;
    private final TrajectoryGapQuery gaps;

    public MovedPage(Pages pages, ComparisonQuery comparison, CommitmentsQuery commitments, TrajectoryGapQuery gaps) {
        this.pages = pages;
        this.comparison = comparison;
        this.commitments = commitments;
        this.gaps = gaps;
    }

    @Get(produces = "text/html")
    public HttpResponse<?> moved(HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String basis) {
        return pages.render(request, "moved", "What moved", (c, info) -> {
            Quarters qs = quarters(info, from, to);
            Basis b = Params.basis(basis);
            Map<String, Object> m = new HashMap<>();
            m.put("title", "What moved, " + qs.from() + " to " + qs.to());
            m.put("from", qs.from().toString());
            m.put("to", qs.to().toString());
            m.put("basis", b.code());
            String query = "?from=" + qs.from().key() + "&to=" + qs.to().key() + "&basis=" + b.code();
            List<Section> sections = new ArrayList<>();
            for (Subject s : Subject.values()) {
                Comparison result = compare(c, info, qs, s, b);
                List<MovedItem> items = items(c, info, qs, s, b, result);
                String key = s.code();
                String label = s == Subject.COMMITMENTS ? "Commitments" : "Indicators";
                ChartBlock chart = result.transitions().isEmpty() ? null : pages.chart(key + "-transitions",
                        Charts.transitions(qs.from().toString(), qs.to().toString(), label, result.transitions()),
                        "A matrix counting the " + key + " by their rating in " + qs.from() + " (rows) and in " + qs.to()
                                + " (columns); the diagonal stayed the same.",
                        "/moved/" + key + "-transitions.csv" + query);
                sections.add(new Section(key, label, groups(items), items.size(),
                        result.transitions().stream().mapToLong(Transition::count).sum(),
                        result.transitions().stream().filter(t -> t.from().equals("RED") && t.to().equals("RED"))
                                .mapToLong(Transition::count).sum(),
                        "/moved/" + key + ".csv" + query, chart));
            }
            m.put("sections", sections);
            return m;
        });
    }

    @Get(uri = "/indicators.csv", produces = "text/csv")
    public HttpResponse<?> indicatorsCsv(HttpRequest<?> request, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String basis) {
        return itemsCsv(request, "moved-indicators", Subject.INDICATORS, from, to, basis);
    }

    @Get(uri = "/commitments.csv", produces = "text/csv")
    public HttpResponse<?> commitmentsCsv(HttpRequest<?> request, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String basis) {
        return itemsCsv(request, "moved-commitments", Subject.COMMITMENTS, from, to, basis);
    }

    @Get(uri = "/indicators-transitions.csv", produces = "text/csv")
    public HttpResponse<?> indicatorTransitionsCsv(HttpRequest<?> request, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String basis) {
        return transitionsCsv(request, "indicator-transitions", Subject.INDICATORS, from, to, basis);
    }

    @Get(uri = "/commitments-transitions.csv", produces = "text/csv")
    public HttpResponse<?> commitmentTransitionsCsv(HttpRequest<?> request, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue String basis) {
        return transitionsCsv(request, "commitment-transitions", Subject.COMMITMENTS, from, to, basis);
    }

    private HttpResponse<?> itemsCsv(HttpRequest<?> request, String name, Subject s, String from, String to, String basis) {
        return pages.csv(request, name, MovedItem.class, (c, info) -> {
            Quarters qs = quarters(info, from, to);
            Basis b = Params.basis(basis);
            List<MovedItem> items = items(c, info, qs, s, b, compare(c, info, qs, s, b));
            // in the page's order: group by group
            List<MovedItem> ordered = new ArrayList<>();
            groups(items).forEach(g -> ordered.addAll(g.items()));
            return ordered;
        });
    }

    private HttpResponse<?> transitionsCsv(HttpRequest<?> request, String name, Subject s, String from, String to,
            String basis) {
        return pages.csv(request, name, Transition.class, (c, info) ->
                compare(c, info, quarters(info, from, to), s, Params.basis(basis)).transitions());
    }

    private Comparison compare(Connection c, Served info, Quarters qs, Subject s, Basis b) throws SQLException {
        Integer area = s == Subject.COMMITMENTS ? null : Pages.wholeAuthority(info);
        return comparison.compare(c, qs.from(), qs.to(), s, b, area, Long.MAX_VALUE);
    }

    /** The movers, each with its responsible officer and the commentary given in the later quarter. */
    private List<MovedItem> items(Connection c, Served info, Quarters qs, Subject s, Basis b, Comparison result)
            throws SQLException {
        Map<String, String[]> said = new HashMap<>(); // ref -> {officer, comment}
        if (!result.movers().isEmpty() && s == Subject.COMMITMENTS) {
            for (CommitmentRow r : commitments.commitments(c, qs.to(), null)) {
                said.putIfAbsent(r.ref() + (r.item() > 1 ? " (" + r.item() + ")" : ""), new String[] {r.officer(), r.comment()});
            }
        } else if (!result.movers().isEmpty()) {
            for (GapRow g : gaps.gaps(c, qs.to(), null, b, Pages.wholeAuthority(info))) {
                String officer = info.indicator(g.indicator()).map(IndicatorSummary::officer).orElse(null);
                said.put(g.indicator(), new String[] {officer, g.comment()});
            }
        }
        List<MovedItem> items = new ArrayList<>();
        for (Mover mv : result.movers()) {
            String[] r = said.getOrDefault(mv.ref(), new String[2]);
            items.add(new MovedItem(s.code(), group(mv).title(), mv.ref(), mv.title(), mv.theme(), mv.from(), mv.to(),
                    r[0], r[1]));
        }
        return items;
    }

    private static Group group(Mover mv) {
        Rating f = Rating.valueOf(mv.from());
        Rating t = Rating.valueOf(mv.to());
        return GROUPS.stream().filter(g -> g.takes().test(f, t)).findFirst().orElseThrow();
    }

    /** The non-empty groups, in the report's order. */
    private static List<MovedGroup> groups(List<MovedItem> items) {
        Map<String, List<MovedItem>> byGroup = new LinkedHashMap<>();
        GROUPS.forEach(g -> byGroup.put(g.title(), new ArrayList<>()));
        items.forEach(i -> byGroup.get(i.group()).add(i));
        List<MovedGroup> groups = new ArrayList<>();
        for (Group g : GROUPS) {
            List<MovedItem> in = byGroup.get(g.title());
            if (!in.isEmpty()) {
                groups.add(new MovedGroup(g.id(), g.title(), List.copyOf(in)));
            }
        }
        return groups;
    }

    /** By default the latest quarter and the one before it. */
    private static Quarters quarters(Served info, String from, String to) {
        FiscalQuarter t = OverviewPage.quarter(to, info);
        FiscalQuarter f = from == null || from.isBlank() ? t.previous() : Params.period("from", from);
        Params.ordered(f, t);
        return new Quarters(f, t);
    }

    record Group(String id, String title, BiPredicate<Rating, Rating> takes) {
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

    /** A group of the page, as the template shows it. */
    public record MovedGroup(String id, String title, List<MovedItem> items) {
    }

    private record Quarters(FiscalQuarter from, FiscalQuarter to) {
    }
}
