package io.trajectory.api.refresh;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Refresh settings under {@code trajectory.refresh}.
 *
 * @param landingDir    the landing zone to load; blank turns refreshes (and the watcher) off
 * @param watch         run a refresh when a {@code signoff.json} under the landing zone is new or changed
 * @param watchInterval how often to look at the sign-offs
 * @param etlJar        the ETL jar, run as a child process ({@code java -jar ... etl})
 * @param etlArgs       extra ETL options, e.g. {@code --provisional}, {@code --master spark://host:7077}
 * @param javaOptions   JVM options for the ETL process, e.g. {@code -Xmx4g}
 * @param timeout       a refresh still running after this long is stopped and recorded as failed
 */
@ConfigurationProperties(RefreshConfig.PREFIX)
public record RefreshConfig(
        @Nullable Path landingDir,
        @Bindable(defaultValue = "true") boolean watch,
        @Bindable(defaultValue = "1m") Duration watchInterval,
        @Bindable(defaultValue = "./etl/target/trajectory-etl.jar") Path etlJar,
        @Nullable List<String> etlArgs,
        @Nullable List<String> javaOptions,
        @Bindable(defaultValue = "30m") Duration timeout) {

    public static final String PREFIX = "trajectory.refresh";

    public boolean enabled() {
        return landingDir != null && !landingDir.toString().isBlank();
    }
}
