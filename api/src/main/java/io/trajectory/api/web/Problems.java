package io.trajectory.api.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.swagger.v3.oas.annotations.Parameter;
import io.trajectory.api.snapshot.NoSnapshotException;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.Subject;
import io.trajectory.warehouse.rating.Rating;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns every error into {@code application/problem+json} (or, for the pages, a page: a
 * {@link ProblemRenderer}) naming the parameter at fault and what it accepts.
 */
@Singleton
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /** What a refused request needs, so the person refused knows what to ask for. */
    static final String ACCESS = "This needs a login with the right role (HTTP basic): any role reads answers and pages; "
            + "CSV and Arrow extracts need analyst or admin (or trajectory.security.anonymous-extracts); "
            + "refreshes need admin.";

    /** What a parameter of each type accepts, for one that is missing or not understood. */
    private static final Map<Class<?>, String> FORMS = Map.of(
            FiscalQuarter.class, FiscalQuarter.ACCEPTED_FORMS,
            Basis.class, Basis.ACCEPTED_FORMS,
            Subject.class, Subject.ACCEPTED_FORMS,
            Rating.class, ParameterConverters.RATING_FORMS,
            Long.class, "a whole number");

    private final List<ProblemRenderer> renderers;

    public Problems(List<ProblemRenderer> renderers) {
        this.renderers = renderers;
    }

    /** The problem as the request's renderer shows it, else as problem+json. */
    public MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, String detail, String parameter,
            String acceptedForms) {
        Problem p = new Problem("about:blank", status.getReason(), status.getCode(), detail, request.getPath(), parameter,
                acceptedForms);
        for (ProblemRenderer r : renderers) {
            Optional<MutableHttpResponse<?>> shown = r.render(request, p);
            if (shown.isPresent()) {
                return shown.get();
            }
        }
        return HttpResponse.<Problem>status(status).contentType(Problem.CONTENT_TYPE).body(p);
    }

    MutableHttpResponse<?> respond(HttpRequest<?> request, ProblemException e) {
        return respond(request, e.status(), e.getMessage(), e.parameter(), e.acceptedForms());
    }

    /** A missing parameter: what it takes is its type's accepted forms, else its OpenAPI description. */
    MutableHttpResponse<?> missing(HttpRequest<?> request, Argument<?> argument) {
        String name = argument.getName();
        String forms = FORMS.get(argument.getType());
        if (forms == null) {
            forms = argument.getAnnotationMetadata().stringValue(Parameter.class, "description").orElse(null);
        }
        return respond(request, HttpStatus.BAD_REQUEST,
                "The parameter '" + name + "' is required" + (forms == null ? "." : ": " + forms + "."), name, forms);
    }

    /** Our own 400s, 404s and 409s, naming the parameter and what it accepts. */
    @Produces(Problem.CONTENT_TYPE)
    @Singleton
    @Requires(classes = {ProblemException.class, ExceptionHandler.class})
    public static final class ProblemHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {
        private final Problems problems;

        public ProblemHandler(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ProblemException e) {
            return problems.respond(request, e);
        }
    }

    /** A parameter whose text its type does not accept (a bad quarter, basis, subject or rating). */
    @Produces(Problem.CONTENT_TYPE)
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    public static final class BadValueHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        private final Problems problems;

        public BadValueHandler(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
            String name = e.getArgument().getName();
            Throwable cause = e.getConversionError().getCause();
            if (cause instanceof UnacceptedValue bad) {
                return problems.respond(request, HttpStatus.BAD_REQUEST, "Parameter '" + name + "': " + bad.getMessage(),
                        name, bad.acceptedForms());
            }
            String forms = FORMS.get(e.getArgument().getType());
            return problems.respond(request, HttpStatus.BAD_REQUEST, "Parameter '" + name + "': cannot read '"
                    + e.getConversionError().getOriginalValue().orElse("") + "'"
                    + (forms == null ? "." : "; expected " + forms + "."), name, forms);
        }
    }

    /** A required parameter that is missing. */
    @Produces(Problem.CONTENT_TYPE)
    @Singleton
    @Replaces(UnsatisfiedArgumentHandler.class)
    public static final class MissingArgumentHandler implements ExceptionHandler<UnsatisfiedArgumentException, HttpResponse<?>> {
        private final Problems problems;

        public MissingArgumentHandler(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedArgumentException e) {
            return problems.missing(request, e.getArgument());
        }
    }

    /** A required query value that is missing (Micronaut's router says so with its own exception). */
    @Produces(Problem.CONTENT_TYPE)
    @Singleton
    @Replaces(UnsatisfiedRouteHandler.class)
    public static final class MissingRouteValueHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {
        private final Problems problems;

        public MissingRouteValueHandler(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException e) {
            return problems.missing(request, e.getArgument());
        }
    }

    /** 503 until a snapshot is published. */
    @Produces(Problem.CONTENT_TYPE)
    @Singleton
    @Requires(classes = {NoSnapshotException.class, ExceptionHandler.class})
    public static final class NoSnapshotHandler implements ExceptionHandler<NoSnapshotException, HttpResponse<?>> {
        private final Problems problems;

        public NoSnapshotHandler(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, NoSnapshotException e) {
            return problems.respond(request, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), null, null);
        }
    }

    /** A query that failed: logged in full, reported without SQL detail. */
    @Produces(Problem.CONTENT_TYPE)
    @Singleton
    @Requires(classes = {SQLException.class, ExceptionHandler.class})
    public static final class SqlHandler implements ExceptionHandler<SQLException, HttpResponse<?>> {
        private final Problems problems;

        public SqlHandler(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, SQLException e) {
            LOG.error("Query failed for {}", request.getUri(), e);
            return problems.respond(request, HttpStatus.INTERNAL_SERVER_ERROR,
                    "The warehouse query failed; the service log has the details.", null, null);
        }
    }

    /** Micronaut's own errors (unknown route, method not allowed, refused login, ...) as problems too. */
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
