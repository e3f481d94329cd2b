package io.trajectory.api.pages;

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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.trajectory.api.chart.Charts;
import io.trajectory.api.refresh.RefreshConfig;
import io.trajectory.api.refresh.RefreshRun;
import io.trajectory.api.refresh.RefreshService;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.api.web.Extracts;
import io.trajectory.api.web.ProblemException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * For admins: every refresh of the warehouse, newest first, how it ended and why, and a button
 * that runs one now. The history lives in the control database, so this page works even when
 * no snapshot has been published yet.
 */
@Hidden
@Controller("/admin")
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
        Map<String, Object> m = pages.common(request, null, "Refresh history");
        snapshot.info().ifPresent(i -> Pages.describe(m, i));
        m.put("runs", runs);
        m.put("running", refreshes.isRunning());
        m.put("enabled", config.enabled());
        m.put("landing", config.enabled() ? String.valueOf(config.landingDir()) : null);
        m.put("chart", runs.isEmpty() ? null : pages.chart("refreshes", Charts.refreshes(runs),
                "Bar chart of how long each refresh took, coloured and labelled by how it ended; the table below has "
                        + "every figure.", "/admin/refreshes.csv"));
        return HttpResponse.ok(new ModelAndView<>("refreshes", m)).contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Get(uri = "/refreshes.csv", produces = "text/csv")
    public HttpResponse<?> csv() {
        return HttpResponse.ok(Extracts.csv(refreshes.history(), RefreshRun.class))
                .contentType("text/csv; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"refreshes.csv\"");
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
            return pages.problem(request, HttpStatus.FORBIDDEN,
                    "A refresh can only be started from this site's refresh page.", null, null);
        }
        try {
            refreshes.start("REQUESTED", who == null ? null : who.getName());
        } catch (ProblemException e) {
            return pages.problem(request, e.status(), e.getMessage(), null, null);
        }
        return HttpResponse.seeOther(URI.create("/admin/refreshes"));
    }
}
