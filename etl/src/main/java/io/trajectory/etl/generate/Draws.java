package io.trajectory.etl.generate;

/**
 * Stateless pseudo-random draws for the synthetic landing zone. Every draw is a pure function
 * of the seed and a key (stream, authority, indicator, quarter; a district's index takes the
 * quarter's place where a draw is per district rather than per quarter), never of how many draws came
 * before, so the value for one cell of the zone does not depend on the size of the zone, on the
 * order rows are written in or on which thread writes them.
 *
 * <p>The mixing function is SplitMix64's finaliser. Instances are immutable and thread-safe.
 */
final class Draws {

    // Streams: one per independent kind of draw, so that draws for different purposes never share a key.
    static final int REGISTER = 1;
    static final int AUTHORITY = 2;
    static final int PARAMETERS = 3;
    static final int QUARTER_NOISE = 4;
    static final int ROW = 5;
    static final int RESTATEMENT = 6;
    static final int YEAR_NOISE = 7;
    static final int SIGNOFF = 8;
    static final int COMMITMENT = 9;
    static final int OFFICER = 10;
    static final int PLAN = 11;
    static final int DISTRICT = 12;
    static final int DISTRICT_INDICATOR = 13;
    static final int DISTRICT_QUARTER = 14;
    static final int NAME = 15;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double SQRT3 = Math.sqrt(3.0);

    private final long seedHash;

    Draws(long seed) {
        this.seedHash = mix(seed * GOLDEN + 0x632BE59BD9B4E019L);
    }

    /** A 64-bit hash of the key; feed it to {@link #unit}, {@link #normal} or {@link #sub}. */
    long hash(int stream, int authority, int indicator, int quarter) {
        long h = mix(seedHash ^ (((long) stream << 32) | (authority & 0xFFFFFFFFL)));
        return mix(h + (((long) indicator << 32) | (quarter & 0xFFFFFFFFL)) * GOLDEN);
    }

    /** The k-th independent draw derived from one hash. */
    static long sub(long hash, int k) {
        return mix(hash + k * GOLDEN);
    }

    /** Uniform in [0, 1). */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound). */
    static int below(long hash, int bound) {
        return (int) ((hash >>> 33) % bound);
    }

    /**
     * Approximately standard normal (the sum of four 16-bit uniforms, rescaled): mean 0, standard
     * deviation 1, bounded by about ±3.5. Cheap, and plenty for synthetic data.
     */
    static double normal(long hash) {
        long sum = (hash & 0xFFFF) + ((hash >>> 16) & 0xFFFF) + ((hash >>> 32) & 0xFFFF) + (hash >>> 48);
        return (sum * (1.0 / 65536.0) - 2.0) * SQRT3;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
