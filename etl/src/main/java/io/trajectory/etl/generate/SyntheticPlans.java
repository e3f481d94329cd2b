package io.trajectory.etl.generate;

import io.trajectory.etl.generate.SyntheticAuthority.District;
import io.trajectory.warehouse.indicator.MeasureUnit;

import java.util.List;

/**
 * Every area's own plan for an indicator, and how an authority's figures break down into its
 * districts. Each is a pure function of the seed and its indexes (authority, indicator,
 * district): the definitions and every quarter's return work out the same plans. Thread-safe;
 * plans once worked out are kept (while the zone is not huge), so each is worked out about once.
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

    /** Plans are kept (worked out once, not once per quarter) while there are no more cells than this. */
    static final long KEPT_CELLS = 4_000_000;

    private final Draws draws;
    private final int indicators;
    /** By authority * indicators + indicator, filled as asked for; null when the zone is too large to keep. */
    private final SyntheticPlan[] authorityPlans;
    private final Breakdown[] breakdowns;

    /** Plans for a zone of this many authorities, districts per authority and indicators. */
    SyntheticPlans(Draws draws, int authorities, int districts, int indicators) {
        this.draws = draws;
        this.indicators = indicators;
        long cells = (long) authorities * indicators;
        boolean keep = cells * (1 + districts) <= KEPT_CELLS;
        this.authorityPlans = keep ? new SyntheticPlan[(int) cells] : null;
        this.breakdowns = keep && districts > 0 ? new Breakdown[(int) cells] : null;
    }

    /**
     * The authority's own plan for the indicator. Kept plans are shared between threads without
     * a lock: a plan is immutable (final fields), and two threads that work out the same one
     * get equal plans.
     */
    SyntheticPlan authority(SyntheticIndicator ind, SyntheticAuthority authority) {
        if (authorityPlans == null) {
            return newAuthorityPlan(ind, authority);
        }
        int k = authority.index * indicators + ind.index;
        SyntheticPlan plan = authorityPlans[k];
        if (plan == null) {
            plan = newAuthorityPlan(ind, authority);
            authorityPlans[k] = plan;
        }
        return plan;
    }

    private SyntheticPlan newAuthorityPlan(SyntheticIndicator ind, SyntheticAuthority authority) {
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
        if (authority.districts.isEmpty()) {
            return null;
        }
        if (breakdowns == null) {
            return newBreakdown(ind, authority, authorityPlan);
        }
        int k = authority.index * indicators + ind.index;
        Breakdown breakdown = breakdowns[k];
        if (breakdown == null) {
            breakdown = newBreakdown(ind, authority, authorityPlan);
            breakdowns[k] = breakdown;
        }
        return breakdown;
    }

    private Breakdown newBreakdown(SyntheticIndicator ind, SyntheticAuthority authority, SyntheticPlan authorityPlan) {
        List<District> districts = authority.districts;
        int n = districts.size();
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
