package io.trajectory.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

import java.util.Optional;

/**
 * Answers a problem in another form than {@code application/problem+json} for the requests it
 * takes: the scrutiny pages answer with a page that names the parameter. {@link Problems} asks
 * every renderer before it answers problem+json.
 */
public interface ProblemRenderer {

    /** The response for this request's problem, or empty when the request is not this renderer's. */
    Optional<MutableHttpResponse<?>> render(HttpRequest<?> request, Problem problem);
}
