package io.trajectory.api.security;

import io.micronaut.context.exceptions.ConfigurationException;

/** A user's configured password the service will not start with; the message says what to do. */
public final class PasswordConfigException extends ConfigurationException {

    public PasswordConfigException(String message) {
        super(message);
    }
}
