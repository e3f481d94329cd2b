package io.trajectory.warehouse.rating;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * How many indicators had each rating, and the share rule the published tables follow.
 *
 * <p>Shares of GREEN, AMBER, RED and ACHIEVED are of the indicators <em>with data</em>
 * ({@link #withData()}); the share NOT_AVAILABLE is of all <em>counted</em> indicators
 * ({@link #counted()}); NOT_DUE (an annual figure not due this quarter), ENDED and NO_TARGET are
 * tallied but left out of both, and have no share. So for the
 * 2006/07 Q4 totals G63 A23 R13 NA29, green is 63 of 99 (63.6%) and not available 29 of 128.
 * Shares are fractions (0 to 1), not percentages.
 *
 * <p>Immutable and thread-safe; {@link Builder} is not.
 */
public final class RatingCounts {

    private static final RatingCounts EMPTY = new RatingCounts(new EnumMap<>(Rating.class));

    private final EnumMap<Rating, Long> counts;

    private RatingCounts(EnumMap<Rating, Long> counts) {
        this.counts = counts;
    }

    /** No indicators at all. */
    public static RatingCounts empty() {
        return EMPTY;
    }

    /**
     * Counts per rating; ratings absent from the map count zero.
     *
     * @throws IllegalArgumentException for a negative count, naming the rating
     */
    public static RatingCounts of(Map<Rating, Long> counts) {
        Objects.requireNonNull(counts, "counts");
        Builder b = builder();
        counts.forEach((rating, n) -> b.add(Objects.requireNonNull(rating, "rating"), Objects.requireNonNull(n, "count")));
        return b.build();
    }

    /** Tallies one rating per indicator. */
    public static RatingCounts tally(Iterable<Rating> ratings) {
        Objects.requireNonNull(ratings, "ratings");
        Builder b = builder();
        ratings.forEach(b::add);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many indicators had this rating. */
    public long count(Rating rating) {
        return counts.getOrDefault(Objects.requireNonNull(rating, "rating"), 0L);
    }

    /** All indicators, including NOT_DUE, ENDED and NO_TARGET. */
    public long total() {
        return sum(r -> true);
    }

    /** The indicators that count towards shares: all but NOT_DUE, ENDED and NO_TARGET. */
    public long counted() {
        return sum(Rating::isCounted);
    }

    /** The indicators with data: GREEN + AMBER + RED + ACHIEVED. */
    public long withData() {
        return sum(Rating::hasData);
    }

    /**
     * This rating's share (0 to 1): of {@link #withData()} for GREEN, AMBER, RED and ACHIEVED,
     * of {@link #counted()} for NOT_AVAILABLE; empty for NOT_DUE, ENDED and NO_TARGET, which
     * have no share, and when the denominator is zero.
     */
    public OptionalDouble share(Rating rating) {
        long denominator;
        if (Objects.requireNonNull(rating, "rating").hasData()) {
            denominator = withData();
        } else if (rating.isCounted()) {
            denominator = counted();
        } else {
            return OptionalDouble.empty();
        }
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count(rating) / denominator);
    }

    /**
     * The data gaps: indicators with no figure this quarter, NOT_AVAILABLE (a figure was due) plus
     * NOT_DUE (an annual figure not due this quarter).
     */
    public long dataGaps() {
        return count(Rating.NOT_AVAILABLE) + count(Rating.NOT_DUE);
    }

    /** The sum of two sets of counts, e.g. themes into a total. */
    public RatingCounts plus(RatingCounts other) {
        Objects.requireNonNull(other, "other");
        Builder b = builder();
        counts.forEach(b::add);
        other.counts.forEach(b::add);
        return b.build();
    }

    /** The non-zero counts, in rating order; unmodifiable. */
    public Map<Rating, Long> asMap() {
        return Collections.unmodifiableMap(counts);
    }

    private long sum(Predicate<Rating> which) {
        long n = 0;
        for (Map.Entry<Rating, Long> e : counts.entrySet()) {
            if (which.test(e.getKey())) {
                n += e.getValue();
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RatingCounts other && other.counts.equals(counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return "RatingCounts" + counts;
    }

    /** Accumulates counts; not thread-safe. */
    public static final class Builder {

        private final EnumMap<Rating, Long> counts = new EnumMap<>(Rating.class);

        private Builder() {
        }

        /** Counts one more indicator with this rating. */
        public Builder add(Rating rating) {
            return add(rating, 1);
        }

        /**
         * Counts {@code n} more indicators with this rating.
         *
         * @throws IllegalArgumentException when {@code n} is negative
         */
        public Builder add(Rating rating, long n) {
            Objects.requireNonNull(rating, "rating");
            if (n < 0) {
                throw new IllegalArgumentException("count of " + rating + " must not be negative, not " + n);
            }
            if (n > 0) {
                counts.merge(rating, n, Math::addExact);
            }
            return this;
        }

        public RatingCounts build() {
            return counts.isEmpty() ? EMPTY : new RatingCounts(new EnumMap<>(counts));
        }
    }
}
