package io.trajectory.api.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.core.io.Writable;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import io.micronaut.web.router.RouteAttributes;
import io.trajectory.api.web.Problem;
import io.trajectory.api.web.ProblemRenderer;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * A problem with a request to one of the scrutiny pages ({@link PageController}), including its
 * CSV downloads, is answered with a page naming the parameter and what it accepts (status 400,
 * 404, 503, ...), not problem+json.
 */
@Singleton
public final class PageProblems implements ProblemRenderer {

    private final ModelAndViewRenderer<PageView<ProblemPage>, HttpRequest<?>> views;

    public PageProblems(ModelAndViewRenderer<PageView<ProblemPage>, HttpRequest<?>> views) {
        this.views = views;
    }

    @Override
    public Optional<MutableHttpResponse<?>> render(HttpRequest<?> request, Problem problem) {
        boolean page = RouteAttributes.getRouteInfo(request)
                .map(route -> route.getDeclaringType().isAnnotationPresent(PageController.class))
                .orElse(false);
        if (!page) {
            return Optional.empty();
        }
        HttpStatus status = HttpStatus.valueOf(problem.status());
        ProblemPage shown = new ProblemPage(problem.status(), status.getReason(), problem.detail(), problem.parameter(),
                problem.acceptedForms());
        PageView<ProblemPage> view = new PageView<>(Formats.INSTANCE, Pages.bare(request, null, shown.title()), shown);
        // rendered here: the views filter does not see the responses of exception handlers
        Writable html = views.render(new ModelAndView<>("problem", view), request, MediaType.TEXT_HTML)
                .orElseThrow(() -> new IllegalStateException("no renderer for the problem page"));
        return Optional.of(HttpResponse.status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE));
    }
}
