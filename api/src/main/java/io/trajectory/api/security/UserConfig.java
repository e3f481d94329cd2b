package io.trajectory.api.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.util.List;

/**
 * A user under {@code trajectory.security.users.<name>}: a password and roles ({@code viewer},
 * {@code analyst}, {@code admin}). The password is either plain text (take it from an
 * environment variable, never commit it) or {@code sha256:<hex>} of the password.
 */
@EachProperty("trajectory.security.users")
public record UserConfig(@Parameter String name, String password, List<String> roles) {
}
