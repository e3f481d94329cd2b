package io.trajectory.api.snapshot;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /health} names the snapshot being served; DOWN until one is published. */
@Singleton
@Liveness
public class SnapshotHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private final LiveSnapshot live;

    public SnapshotHealth(LiveSnapshot live) {
        this.live = live;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        live.info().ifPresentOrElse(info -> {
            healthStatus = HealthStatus.UP;
            details.put("version", info.version());
            details.put("publishedAt", info.publishedAt().toString());
            details.put("latestPeriod", info.latestPeriod());
        }, () -> {
            healthStatus = HealthStatus.DOWN;
            details.put("message", "no snapshot published yet");
        });
        return details;
    }

    @Override
    protected String getName() {
        return "snapshot";
    }
}
