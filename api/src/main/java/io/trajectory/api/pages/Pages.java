package io.trajectory.api.pages;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.trajectory.api.chart.VegaLite;
import io.trajectory.api.security.Roles;
import io.trajectory.api.snapshot.AnswerKey;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.api.snapshot.Served;
import io.trajectory.api.snapshot.SnapshotWork;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.Table;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.PeriodRow;
import io.trajectory.warehouse.query.SnapshotInfo;
import io.trajectory.warehouse.query.ThemeRow;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every scrutiny page shares: it is worked out on the live snapshot and framed with the
 * snapshot's version, the quarters, themes and areas for its controls, the sign-off of the
 * quarters it shows and its address with the quarter pinned. A bad parameter, or no snapshot
 * yet, is answered by {@link PageProblems} with a page that says which and what it accepts,
 * never a stack trace.
 */
@Singleton
public final class Pages {

    private static final DateTimeFormatter PUBLISHED =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SIGNED_OFF =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);

    private final LiveSnapshot snapshot;
    private final JsonMapper json;

    public Pages(LiveSnapshot snapshot, JsonMapper json) {
        this.snapshot = snapshot;
        this.json = json;
    }

    /** Work on a snapshot for a page about one area. */
    @FunctionalInterface
    interface AreaWork<P> {
        P apply(Connection c, Served info, AreaRow area) throws SQLException;
    }

    /**
     * Renders {@code view} with the page {@code work} builds on the live snapshot, framed. The page
     * is kept with the snapshot ({@code trajectory.answer-cache}): asked again, only its frame (the
     * address, the user's links) is drawn afresh.
     */
    <P extends Page> MutableHttpResponse<?> render(HttpRequest<?> request, String view, SnapshotWork<P> work)
            throws SQLException {
        return show(request, snapshot.answer(AnswerKey.of(request), (c, info) -> new Shown(view, work.apply(c, info), info)));
    }

    /** As {@link #render}, for a page that shows more than the snapshot (files on disk): never kept. */
    <P extends Page> MutableHttpResponse<?> renderFresh(HttpRequest<?> request, String view, SnapshotWork<P> work)
            throws SQLException {
        return show(request, snapshot.query((c, info) -> new Shown(view, work.apply(c, info), info)));
    }

    /**
     * Renders {@code view} for the area {@code areaText} names (blank: the snapshot's home). With
     * no area named and no home (a zone of many authorities), the page asks which authority.
     */
    <P extends Page> MutableHttpResponse<?> renderIn(HttpRequest<?> request, String view, String areaText,
            AreaWork<P> work) throws SQLException {
        return show(request, snapshot.answer(AnswerKey.of(request), (c, info) -> {
            AreaRow area = PageAreas.chosen(areaText, info).orElse(null);
            return area == null ? new Shown("areas", ChooseAreaPage.of(request, info), info)
                    : new Shown(view, work.apply(c, info, area), info);
        }));
    }

    /** A page worked out on one snapshot: the view it is drawn with, and the snapshot it came from. */
    private record Shown(String view, Page page, Served info) {
    }

    private MutableHttpResponse<?> show(HttpRequest<?> request, Shown shown) {
        return show(shown.view(), new PageView<>(Formats.INSTANCE, frame(request, shown.info(), shown.page()), shown.page()));
    }

    /** A page's table as CSV: the same rows the page shows. */
    <R extends Record> Table<R> table(String name, Class<R> type, SnapshotWork<List<R>> work) throws SQLException {
        return new Table<>(name, type, snapshot.query(work));
    }

    /** The frame of {@code page} drawn from {@code info}: its title, address, snapshot, controls and sign-offs. */
    Frame frame(HttpRequest<?> request, Served info, Page page) {
        AreaRow area = page.shownArea();
        boolean home = area == null || PageAreas.isHome(area, info);
        return new Frame(page.title(), pinned(address(request), request, page.pinned()), info.info(),
                published(info.info()), info.publishedQuarters(), info.themes().stream().map(ThemeRow::theme).toList(),
                area, home ? List.of() : List.of(area.code()), home ? null : area.name(), PageAreas.options(info),
                signOffs(info, page.quartersShown()), isAdmin(request));
    }

    /** The frame of a page that reads no snapshot; {@code snapshot} (null: none) is named in its footer. */
    static Frame bare(HttpRequest<?> request, SnapshotInfo snapshot, String title) {
        return new Frame(title, address(request), snapshot, snapshot == null ? null : published(snapshot), List.of(),
                List.of(), null, List.of(), null, List.of(), List.of(), isAdmin(request));
    }

    static MutableHttpResponse<?> show(String view, PageView<?> model) {
        return HttpResponse.ok(new ModelAndView<>(view, model)).contentType(MediaType.TEXT_HTML_TYPE);
    }

    /** A chart for a page; its spec is embedded in the page, so it renders with nothing to fetch. */
    ChartBlock chart(String id, VegaLite.Spec spec, String summary, String csvUrl) {
        try {
            // "<" only occurs inside JSON strings, where \u003c means the same
            String specJson = json.writeValueAsString(spec).replace("<", "\\u003c");
            return new ChartBlock(id, specJson, summary, csvUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code q}, when the snapshot has a published return for it.
     *
     * @throws ProblemException 404 naming {@code parameter}: a quarter with no return has no figures, not zeros
     */
    static FiscalQuarter withReturn(FiscalQuarter q, Served info, String parameter) {
        List<String> quarters = info.publishedQuarters();
        if (quarters.contains(q.toString())) {
            return q;
        }
        throw ProblemException.notFound(parameter, "No return for this quarter: snapshot v" + info.version()
                + " has no published return for " + q + ", so it has no figures for it. "
                + (quarters.isEmpty() ? "No quarter has a published return yet."
                        : "The quarters with a return are " + quarters.get(quarters.size() - 1) + " to "
                                + quarters.get(0) + "."));
    }

    /** Whether the reader is logged in as an admin: only admins see the link to the refreshes. */
    private static boolean isAdmin(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class)
                .map(a -> a.getRoles().contains(Roles.ADMIN)).orElse(false);
    }

    /** Who signed off each quarter shown, and when: "2008/09 Q2: signed off by ... on 21 October 2008." */
    private static List<String> signOffs(Served info, List<String> quarters) {
        List<String> out = new ArrayList<>();
        for (String q : quarters) {
            info.periods().stream().filter(p -> p.period().equals(q) && p.hasReturn()).findFirst()
                    .ifPresent(p -> out.add(signOff(p)));
        }
        return out;
    }

    private static String signOff(PeriodRow p) {
        if (!p.signedOff()) {
            return p.period() + ": provisional figures, not yet signed off.";
        }
        String by = p.signedOffBy() == null || p.signedOffBy().isBlank() ? "" : " by " + p.signedOffBy().strip();
        String at = p.signedOffAt() == null ? "" : " on " + SIGNED_OFF.format(p.signedOffAt());
        return p.period() + ": return signed off" + by + at + ".";
    }

    private static String published(SnapshotInfo snapshot) {
        return PUBLISHED.format(snapshot.publishedAt()) + " UTC";
    }

    /** The page's own address, printed at the foot of a printed page so the paper can cite it. */
    private static String address(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String path = request.getUri().toString();
        return host == null ? path : (request.isSecure() ? "https://" : "http://") + host + path;
    }

    /** {@code address} with each of {@code pins} the request left out (or blank) added: the printed address pins the quarter. */
    private static String pinned(String address, HttpRequest<?> request, Map<String, String> pins) {
        UriBuilder uri = UriBuilder.of(address);
        boolean changed = false;
        for (Map.Entry<String, String> pin : pins.entrySet()) {
            String given = request.getParameters().get(pin.getKey());
            if (pin.getValue() != null && (given == null || given.isBlank())) {
                uri.replaceQueryParam(pin.getKey(), pin.getValue());
                changed = true;
            }
        }
        return changed ? uri.toString() : address;
    }
}
