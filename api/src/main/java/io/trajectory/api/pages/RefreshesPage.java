package io.trajectory.api.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import io.trajectory.api.refresh.RefreshChart;
import io.trajectory.api.refresh.RefreshConfig;
import io.trajectory.api.refresh.RefreshRun;
import io.trajectory.api.refresh.RefreshService;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.api.web.ProblemException;
import io.trajectory.api.web.Table;

import java.net.URI;
import java.util.List;

/**
 * For admins: every refresh of the warehouse, newest first, how it ended and why, and a button
 * that runs one now. The history lives in the control database, so this page works even when
 * no snapshot has been published yet.
 */
@Hidden
@Controller("/admin")
@PageController
@ExecuteOn(TaskExecutors.BLOCKING)
public class RefreshesPage {

    private final Pages pages;
    private final RefreshService refreshes;
    private final RefreshConfig config;
    private final LiveSnapshot snapshot;

    public RefreshesPage(Pages pages, RefreshService refreshes, RefreshConfig config, LiveSnapshot snapshot) {
        this.pages = pages;
        this.refreshes = refreshes;
        this.config = config;
        this.snapshot = snapshot;
    }

    @Get(uri = "/refreshes", produces = "text/html")
    public HttpResponse<?> history(HttpRequest<?> request) {
        List<RefreshRun> runs = refreshes.history();
        ChartBlock chart = runs.isEmpty() ? null : pages.chart("refreshes", RefreshChart.of(runs),
                "Bar chart of how long each refresh took, coloured and labelled by how it ended; the table below has "
                        + "every figure.", "/admin/refreshes.csv");
        Model page = new Model(runs, refreshes.isRunning(), config.enabled(),
                config.enabled() ? String.valueOf(config.landingDir()) : null, chart);
        return Pages.show("refreshes", new PageView<>(Formats.INSTANCE,
                Pages.bare(request, snapshot.info().orElse(null), page.title()), page));
    }

    @Get(uri = "/refreshes.csv", produces = "text/csv")
    public Table<RefreshRun> csv() {
        return new Table<>("refreshes", RefreshRun.class, refreshes.history());
    }

    /** The "Refresh now" button; only from this site's own pages (a cross-site form cannot start one). */
    @Post(uri = "/refreshes", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> start(HttpRequest<?> request, @Nullable Authentication who) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        String host = request.getHeaders().get(HttpHeaders.HOST);
        boolean sameSite = site != null ? site.equals("same-origin")
                : origin == null || host == null || URI.create(origin).getAuthority().equals(host);
        if (!sameSite) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "A refresh can only be started from this site's refresh page.",
                    null, null);
        }
        refreshes.start("REQUESTED", who == null ? null : who.getName()); // a 409 or 503 is shown as a page
        return HttpResponse.seeOther(URI.create("/admin/refreshes"));
    }

    /**
     * The refresh history page.
     *
     * @param running whether a refresh is running now (the button waits)
     * @param enabled whether refreshes are configured at all
     * @param landing the landing zone refreshes load, when enabled
     */
    public record Model(List<RefreshRun> runs, boolean running, boolean enabled, String landing, ChartBlock chart)
            implements Page {

        @Override
        public String title() {
            return "Refresh history";
        }
    }
}
