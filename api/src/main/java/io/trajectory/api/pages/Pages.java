package io.trajectory.api.pages;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.views.ModelAndView;
import io.trajectory.api.chart.VegaLite;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.api.snapshot.NoSnapshotException;
import io.trajectory.api.snapshot.Served;
import io.trajectory.api.web.Extracts;
import io.trajectory.api.web.Params;
import io.trajectory.api.web.ProblemException;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.PeriodRow;
import io.trajectory.warehouse.query.SnapshotInfo;
import io.trajectory.warehouse.query.ThemeRow;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * What every scrutiny page shares: it is worked out on the live snapshot, carries the snapshot's
 * version and the quarters and themes for its controls, and answers a bad parameter with a page
 * that says which one and what it accepts (status 400 or 404), never a stack trace.
 */
@Singleton
public final class Pages {

    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    private static final DateTimeFormatter PUBLISHED =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneOffset.UTC);

    private final LiveSnapshot snapshot;
    private final JsonMapper json;

    public Pages(LiveSnapshot snapshot, JsonMapper json) {
        this.snapshot = snapshot;
        this.json = json;
    }

    /** Renders {@code view} with the model {@code work} builds, plus what every page shows. */
    HttpResponse<?> render(HttpRequest<?> request, String view, String title, PageWork work) {
        return guarded(request, () -> {
            Map<String, Object> model = snapshot.query((c, info) -> {
                Map<String, Object> m = common(request, info, title);
                m.putAll(work.model(c, info));
                return m;
            });
            return HttpResponse.ok(new ModelAndView<>(view, model)).contentType(MediaType.TEXT_HTML_TYPE);
        });
    }

    /** A page's table as CSV: the same rows the page shows. */
    <R extends Record> HttpResponse<?> csv(HttpRequest<?> request, String name, Class<R> type, CsvWork<R> work) {
        return guarded(request, () -> HttpResponse.ok(Extracts.csv(snapshot.query(work::rows), type))
                .contentType("text/csv; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\""));
    }

    /** Answers a bad parameter, a missing snapshot or a failed query with a page saying so. */
    private HttpResponse<?> guarded(HttpRequest<?> request, Answer answer) {
        try {
            return answer.get();
        } catch (ProblemException e) {
            return problem(request, e.status(), e.getMessage(), e.parameter(), e.acceptedForms());
        } catch (NoSnapshotException e) {
            return problem(request, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), null, null);
        } catch (SQLException e) {
            LOG.error("Page query failed for {}", request.getUri(), e);
            return problem(request, HttpStatus.INTERNAL_SERVER_ERROR,
                    "The warehouse query failed; the service log has the details.", null, null);
        }
    }

    /** The model every page starts from; also used by pages that do not read the snapshot. */
    Map<String, Object> common(HttpRequest<?> request, Served info, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fmt", Formats.INSTANCE);
        m.put("title", title);
        m.put("here", address(request));
        if (info != null) {
            describe(m, info.info());
            m.put("quarters", quarters(info));
            m.put("themes", info.themes().stream().map(ThemeRow::theme).toList());
        }
        return m;
    }

    HttpResponse<?> problem(HttpRequest<?> request, HttpStatus status, String detail, String parameter,
            String accepted) {
        Map<String, Object> m = common(request, null, "Cannot show this page");
        m.put("status", status.getCode());
        m.put("reason", status.getReason());
        m.put("detail", detail);
        m.put("parameter", parameter);
        m.put("accepted", accepted);
        return HttpResponse.status(status).body(new ModelAndView<>("problem", m)).contentType(MediaType.TEXT_HTML_TYPE);
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

    /** The snapshot a page was drawn from, for its footer. */
    static void describe(Map<String, Object> model, SnapshotInfo snapshot) {
        model.put("snapshot", snapshot);
        model.put("publishedAt", PUBLISHED.format(snapshot.publishedAt()) + " UTC");
    }

    /** The whole authority's area key: what the pages show unless an area is chosen. */
    static int wholeAuthority(Served info) {
        return Params.area(null, info.areas(), false).key();
    }

    /** Quarters that have a published return, newest first: what the quarter controls offer. */
    static List<String> quarters(Served info) {
        return info.periods().stream().filter(p -> p.hasReturn() && p.published()).map(PeriodRow::period)
                .sorted((a, b) -> FiscalQuarter.parse(b).compareTo(FiscalQuarter.parse(a))).toList();
    }

    /** Whether a quarter has a published return in the snapshot. */
    static boolean reported(Served info, FiscalQuarter q) {
        return info.periods().stream().anyMatch(p -> p.key() == q.key() && p.hasReturn() && p.published());
    }

    /** The page's own address, printed at the foot of a printed page so the paper can cite it. */
    private static String address(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String path = request.getUri().toString();
        return host == null ? path : (request.isSecure() ? "https://" : "http://") + host + path;
    }

    @FunctionalInterface
    private interface Answer {
        HttpResponse<?> get() throws SQLException;
    }

    /** The rows of one of a page's tables, for its CSV download. */
    @FunctionalInterface
    interface CsvWork<R> {
        List<R> rows(java.sql.Connection c, Served info) throws SQLException;
    }
}
