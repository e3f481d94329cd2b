package io.trajectory.api.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.util.List;

/**
 * A user under {@code trajectory.security.users.<name>}: a password and roles ({@code viewer},
 * {@code analyst}, {@code admin}). The password is a BCrypt hash made by
 * {@code ./trajectory hash-password}, or a plain password given in an environment variable
 * (never commit one), hashed in memory at start-up. See {@link ConfiguredUsers}.
 */
@EachProperty("trajectory.security.users")
public record UserConfig(@Parameter String name, String password, List<String> roles) {
}
