package io.trajectory.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An error as {@code application/problem+json} (RFC 9457), with a message a person can act on.
 *
 * @param parameter     the request parameter at fault, when there is one
 * @param acceptedForms what that parameter accepts
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String parameter,
        String acceptedForms) {

    public static final String CONTENT_TYPE = "application/problem+json";
}
