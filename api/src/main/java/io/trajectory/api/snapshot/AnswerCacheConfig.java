package io.trajectory.api.snapshot;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code trajectory.answer-cache}: answers kept per snapshot. A published snapshot never changes,
 * so an answer worked out once is the answer for as long as that snapshot serves; the cache goes
 * with the snapshot when a newer one is live.
 *
 * @param maxEntries answers (JSON answers, pages, report files) kept per snapshot, least recently
 *                   used dropped first; 0 turns the cache off
 */
@ConfigurationProperties("trajectory.answer-cache")
public record AnswerCacheConfig(@Bindable(defaultValue = "500") int maxEntries) {

    public AnswerCacheConfig {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("trajectory.answer-cache.max-entries must be 0 or more, not " + maxEntries);
        }
    }
}
