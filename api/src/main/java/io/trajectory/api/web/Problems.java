package io.trajectory.api.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import io.trajectory.api.snapshot.NoSnapshotException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.stream.Collectors;

/** Turns every error into {@code application/problem+json}. */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /** What a refused request needs, so the person refused knows what to ask for. */
    static final String ACCESS = "This needs a login with the right role (HTTP basic): any role reads answers and pages; "
            + "CSV and Arrow extracts need analyst or admin (or trajectory.security.anonymous-extracts); "
            + "refreshes need admin.";

    private Problems() {
    }

    static MutableHttpResponse<Problem> response(HttpRequest<?> request, HttpStatus status, String detail,
            String parameter, String acceptedForms) {
        Problem p = new Problem("about:blank", status.getReason(), status.getCode(), detail, request.getPath(), parameter,
                acceptedForms);
        return HttpResponse.<Problem>status(status).contentType(Problem.CONTENT_TYPE).body(p);
    }

    /** Our own 400s and 404s, naming the parameter and what it accepts. */
    @Produces(Problem.CONTENT_TYPE)
    @Singleton
    @Requires(classes = {ProblemException.class, ExceptionHandler.class})
    public static final class ProblemHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
            return response(request, e.status(), e.getMessage(), e.parameter(), e.acceptedForms());
        }
    }

    /** 503 until a snapshot is published. */
    @Produces(Problem.CONTENT_TYPE)
    @Singleton
    @Requires(classes = {NoSnapshotException.class, ExceptionHandler.class})
    public static final class NoSnapshotHandler implements ExceptionHandler<NoSnapshotException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NoSnapshotException e) {
            return response(request, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), null, null);
        }
    }

    /** A query that failed: logged in full, reported without SQL detail. */
    @Produces(Problem.CONTENT_TYPE)
    @Singleton
    @Requires(classes = {SQLException.class, ExceptionHandler.class})
    public static final class SqlHandler implements ExceptionHandler<SQLException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, SQLException e) {
            LOG.error("Query failed for {}", request.getUri(), e);
            return response(request, HttpStatus.INTERNAL_SERVER_ERROR,
                    "The warehouse query failed; the service log has the details.", null, null);
        }
    }

    /** Micronaut's own errors (unknown route, method not allowed, ...) as problems too. */
    @Singleton
    @Primary
    public static final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {
        @Override
        public Problem body(ErrorContext context, HttpResponse<?> response) {
            String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
            HttpStatus status = response.getStatus();
            if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
                detail = ACCESS;
            }
            return new Problem("about:blank", status.getReason(), status.getCode(),
                    detail.isBlank() ? status.getReason() : detail, context.getRequest().getPath(), null, null);
        }

        @Override
        public String contentType() {
            return Problem.CONTENT_TYPE;
        }
    }
}
