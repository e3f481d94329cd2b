package io.trajectory.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The service's settings under {@code trajectory} in {@code application.yml}.
 *
 * @param dataDir      the data folder the ETL publishes to ({@code snapshots/} and {@code current})
 * @param snapshotPoll how often to look at {@code data/current} for a newer snapshot
 */
@ConfigurationProperties(TrajectoryConfig.PREFIX)
public record TrajectoryConfig(
        @Bindable(defaultValue = "./data") Path dataDir,
        @Bindable(defaultValue = "5s") Duration snapshotPoll) {

    public static final String PREFIX = "trajectory";
}
