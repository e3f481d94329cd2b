package io.trajectory.api.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Access settings under {@code trajectory.security}.
 *
 * @param anonymousRead     anyone may read (JSON answers, pages) without logging in: a public
 *                          scrutiny site. Extracts and refreshes still need a login.
 * @param anonymousExtracts anyone may also take CSV and Arrow extracts without logging in
 */
@ConfigurationProperties(SecurityConfig.PREFIX)
public record SecurityConfig(
        @Bindable(defaultValue = "false") boolean anonymousRead,
        @Bindable(defaultValue = "false") boolean anonymousExtracts) {

    public static final String PREFIX = "trajectory.security";
}
