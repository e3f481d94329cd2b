package io.trajectory.etl.generate;

import io.trajectory.etl.generate.SyntheticAuthority.District;
import io.trajectory.warehouse.indicator.MeasureUnit;

import java.util.List;

/**
 * Every area's own plan for an indicator, and how an authority's figures break down into its
 * districts. Each is a pure function of the seed and its indexes (authority, indicator,
 * district), worked out again wherever it is needed, so the definitions and every quarter's
 * return agree without sharing state. Immutable and thread-safe.
 *
 * <p>An authority's plan starts from the register's baseline moved by its profile: counts and
 * money times its size (0.2 to 5), rates, percentages and scores worse the harder its
 * circumstances; it aims at an improvement of the register's share times its ambition, varying
 * by indicator. A district's plan, where it has one, starts from its share of its authority's
 * baseline (counts and money) or from its authority's baseline moved by its own circumstances.
 */
final class SyntheticPlans {

    /** Share of an authority's explicitly profiled indicators that it profiles too (the others are linear). */
    private static final double EXPLICIT_SHARE = 0.25;
    /** A district with plans has one for about this share of indicators. */
    private static final double DISTRICT_PLAN_SHARE = 0.5;
    /** A lower-is-better plan never aims to cut by more than this share, so its targets stay above zero. */
    private static final double MAX_CUT = 0.6;

    /**
     * How one authority's figures for one indicator break down into its districts.
     *
     * @param shares     each district's typical share of the authority's counts (they add up to 1)
     * @param factors    each district's rate, percentage or score relative to its authority's
     * @param plans      each district's own plan, or null where it has none
     * @param hashes     one hash per district, for its own draws
     */
    record Breakdown(double[] shares, double[] factors, SyntheticPlan[] plans, long[] hashes) {
    }

    private final Draws draws;

    SyntheticPlans(Draws draws) {
        this.draws = draws;
    }

    /** The authority's own plan for the indicator. */
    SyntheticPlan authority(SyntheticIndicator ind, SyntheticAuthority authority) {
        long h = draws.hash(Draws.PLAN, authority.index, ind.index, 0);
        double registerBaseline = ind.plan.baseline;
        double baseline = ind.extensive
                ? registerBaseline * authority.size * (0.85 + 0.3 * Draws.unit(Draws.sub(h, 1)))
                : registerBaseline * Math.exp(-ind.sign * 0.12 * authority.circumstances + 0.06 * Draws.normal(Draws.sub(h, 1)));
        double improvement = capped(ind, ind.improvement * authority.ambition * (0.8 + 0.4 * Draws.unit(Draws.sub(h, 2))));
        return new SyntheticPlan(ind, baseline, improvement, ind.explicit && Draws.unit(Draws.sub(h, 3)) < EXPLICIT_SHARE);
    }

    /** How the authority's figures break down into its districts (null when it has none). */
    Breakdown breakdown(SyntheticIndicator ind, SyntheticAuthority authority, SyntheticPlan authorityPlan) {
        List<District> districts = authority.districts;
        int n = districts.size();
        if (n == 0) {
            return null;
        }
        double[] shares = new double[n];
        double[] factors = new double[n];
        SyntheticPlan[] plans = new SyntheticPlan[n];
        long[] hashes = new long[n];
        double total = 0;
        for (int d = 0; d < n; d++) {
            District district = districts.get(d);
            long h = draws.hash(Draws.DISTRICT_INDICATOR, authority.index, ind.index, d);
            hashes[d] = h;
            shares[d] = district.weight() * (1 + 0.15 * Draws.normal(Draws.sub(h, 1)));
            factors[d] = Math.exp(-ind.sign * 0.08 * district.circumstances() + 0.05 * Draws.normal(Draws.sub(h, 2)));
            if (ind.unit == MeasureUnit.PERCENT) {
                // as high as a plan may start, so the district's figures and its plan move together
                factors[d] = Math.min(factors[d], SyntheticPlan.PERCENT_BASELINE_CEILING / Math.max(1, authorityPlan.baseline));
            }
            total += shares[d];
        }
        for (int d = 0; d < n; d++) {
            shares[d] /= total;
            long h = hashes[d];
            if (districts.get(d).plans() && Draws.unit(Draws.sub(h, 3)) < DISTRICT_PLAN_SHARE) {
                double baseline = authorityPlan.baseline * (ind.extensive ? shares[d] : factors[d]);
                double improvement = capped(ind, authorityPlan.improvement * (0.8 + 0.4 * Draws.unit(Draws.sub(h, 4))));
                plans[d] = new SyntheticPlan(ind, baseline, improvement, false);
            }
        }
        return new Breakdown(shares, factors, plans, hashes);
    }

    private static double capped(SyntheticIndicator ind, double improvement) {
        return ind.sign < 0 ? Math.min(MAX_CUT, improvement) : improvement;
    }
}
