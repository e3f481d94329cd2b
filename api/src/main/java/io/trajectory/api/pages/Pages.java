package io.trajectory.api.pages;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.views.ModelAndView;
import io.trajectory.api.chart.VegaLite;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.api.snapshot.Served;
import io.trajectory.api.snapshot.SnapshotWork;
import io.trajectory.api.web.Table;
import io.trajectory.warehouse.query.SnapshotInfo;
import io.trajectory.warehouse.query.ThemeRow;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What every scrutiny page shares: it is worked out on the live snapshot and framed with the
 * snapshot's version and the quarters and themes for its controls. A bad parameter, or no
 * snapshot yet, is answered by {@link PageProblems} with a page that says which and what it
 * accepts, never a stack trace.
 */
@Singleton
public final class Pages {

    private static final DateTimeFormatter PUBLISHED =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneOffset.UTC);

    private final LiveSnapshot snapshot;
    private final JsonMapper json;

    public Pages(LiveSnapshot snapshot, JsonMapper json) {
        this.snapshot = snapshot;
        this.json = json;
    }

    /** Renders {@code view} with the page {@code work} builds on the live snapshot, framed. */
    <P extends Page> MutableHttpResponse<?> render(HttpRequest<?> request, String view, SnapshotWork<P> work)
            throws SQLException {
        return snapshot.query((c, info) -> {
            P page = work.apply(c, info);
            return show(view, new PageView<>(Formats.INSTANCE, frame(request, info, page.title()), page));
        });
    }

    /** A page's table as CSV: the same rows the page shows. */
    <R extends Record> Table<R> table(String name, Class<R> type, SnapshotWork<List<R>> work) throws SQLException {
        return new Table<>(name, type, snapshot.query(work));
    }

    /** The frame of a page drawn from {@code info}: its title, address, snapshot and controls. */
    Frame frame(HttpRequest<?> request, Served info, String title) {
        return new Frame(title, address(request), info.info(), published(info.info()), info.publishedQuarters(),
                info.themes().stream().map(ThemeRow::theme).toList());
    }

    /** The frame of a page that reads no snapshot; {@code snapshot} (null: none) is named in its footer. */
    static Frame bare(HttpRequest<?> request, SnapshotInfo snapshot, String title) {
        return new Frame(title, address(request), snapshot, snapshot == null ? null : published(snapshot), List.of(),
                List.of());
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

    private static String published(SnapshotInfo snapshot) {
        return PUBLISHED.format(snapshot.publishedAt()) + " UTC";
    }

    /** The page's own address, printed at the foot of a printed page so the paper can cite it. */
    private static String address(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String path = request.getUri().toString();
        return host == null ? path : (request.isSecure() ? "https://" : "http://") + host + path;
    }
}
