package io.trajectory.api.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Which format an answer goes out in: {@code format=json|csv|arrow} beside the {@code Accept}
 * header ({@link ExtractFormat#of}). The response's content type is set to it, and Micronaut then
 * writes the body with the writer registered for that type (JSON, or {@link ExtractWriters}). The
 * security rule decides who may take an extract with the same {@link ExtractFormat#of}, so the
 * two always agree on what a request asked for. A format that is none of the three answers 400
 * naming {@code format}.
 */
@ServerFilter("/api/**")
public final class FormatParameter {

    private final Problems problems;

    public FormatParameter(Problems problems) {
        this.problems = problems;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> checkFormat(HttpRequest<?> request) {
        try {
            ExtractFormat.of(request);
            return null;
        } catch (ProblemException e) {
            return problems.respond(request, e);
        }
    }

    @ResponseFilter
    public void chooseFormat(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.body() instanceof Extract) {
            response.contentType(ExtractFormat.of(request).mediaType());
        }
    }
}
