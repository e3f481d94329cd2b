package io.trajectory.api.pages;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Micronaut's own errors (a refused login, an unknown address, ...) for a browser, which asks for
 * HTML: the pages' problem page in the pages' frame, rather than Micronaut's bare page or JSON.
 */
@Singleton
@Primary
public final class PageErrors implements HtmlErrorResponseBodyProvider {

    static final String LOGIN = "This page needs a login: your browser asks for a name and password (HTTP basic). "
            + "Any role reads the pages; only an admin sees the refreshes.";
    static final String FORBIDDEN = "Your login may not see this page: only an admin sees the refreshes.";

    private final ModelAndViewRenderer<PageView<ProblemPage>, HttpRequest<?>> views;

    public PageErrors(ModelAndViewRenderer<PageView<ProblemPage>, HttpRequest<?>> views) {
        this.views = views;
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail = switch (status) {
            case UNAUTHORIZED -> LOGIN;
            case FORBIDDEN -> FORBIDDEN;
            default -> context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        };
        ProblemPage shown = new ProblemPage(status.getCode(), status.getReason(),
                detail.isBlank() ? status.getReason() : detail, null, null);
        HttpRequest<?> request = context.getRequest();
        Writable html = views.render(new ModelAndView<>("problem", new PageView<>(Formats.INSTANCE,
                        Pages.bare(request, null, shown.title()), shown)), request, MediaType.TEXT_HTML)
                .orElseThrow(() -> new IllegalStateException("no renderer for the problem page"));
        StringWriter out = new StringWriter();
        try {
            html.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public String contentType() {
        return MediaType.TEXT_HTML;
    }
}
