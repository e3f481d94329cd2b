package io.trajectory.api.web;

import io.micronaut.http.HttpStatus;

/** A request that cannot be answered, reported to the client as a {@link Problem}. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String parameter;
    private final String acceptedForms;

    public ProblemException(HttpStatus status, String detail, String parameter, String acceptedForms) {
        super(detail);
        this.status = status;
        this.parameter = parameter;
        this.acceptedForms = acceptedForms;
    }

    /** 400: a parameter that is missing or not understood. */
    public static ProblemException badParameter(String parameter, String detail, String acceptedForms) {
        return new ProblemException(HttpStatus.BAD_REQUEST, detail, parameter, acceptedForms);
    }

    /** 400: a required parameter that is missing or blank; {@code what} says what it takes. */
    public static ProblemException required(String parameter, String what) {
        return badParameter(parameter, "The parameter '" + parameter + "' is required: " + what + ".", what);
    }

    /** 404: something the snapshot does not have. */
    public static ProblemException notFound(String parameter, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, detail, parameter, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String parameter() {
        return parameter;
    }

    public String acceptedForms() {
        return acceptedForms;
    }
}
