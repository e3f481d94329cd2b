package io.trajectory.etl.generate;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;

import java.util.ArrayList;
import java.util.List;

/**
 * One indicator of the synthetic register: what it measures, the register's (whole-authority)
 * plan, its version history (type-2 rows) and the type-2 story every area's plan of it shares.
 * Quarters are addressed by their index {@code t} from the zone's first quarter (t = 0), so
 * nothing here depends on how many quarters are written.
 *
 * <p>Every indicator is measured over a fixed horizon of
 * {@value SyntheticLandingZone#TARGET_HORIZON_QUARTERS} quarters: a LEVEL indicator's baseline is
 * the quarter before the first and its target period is the horizon's last quarter; a
 * CUMULATIVE_YTD indicator's baseline is the year before the first quarter's (as its Q4) and its
 * target period is the Q4 of the horizon's last year. Immutable and thread-safe.
 */
final class SyntheticIndicator {

    static final int HORIZON = SyntheticLandingZone.TARGET_HORIZON_QUARTERS;

    /** The type-2 change an indicator goes through, if any. */
    enum Change {
        NONE, TARGET_REVISED, OFFICER_CHANGED, TARGET_SET
    }

    /** One row of the register: in force from quarter index {@code validFrom}; NaN target = none yet. */
    record Version(int validFrom, double target, double stretch, boolean reward, String officer) {
        boolean hasTarget() {
            return !Double.isNaN(target);
        }
    }

    final int index;
    final String ref;
    final String title;
    final int theme;
    final Polarity polarity;
    final int sign;
    final MeasureUnit unit;
    final Accumulation accumulation;
    final int decimals;
    /** Whether figures grow with an area's size and add up over its districts (counts, sums of money). */
    final boolean extensive;
    final FiscalQuarter baselinePeriod;
    final FiscalQuarter targetPeriod;
    /** The two periods as written, once (every area's plan row names them). */
    final String baselineLabel;
    final String targetLabel;
    /** The register's share of the baseline to improve by; areas' plans vary around it. */
    final double improvement;
    final boolean hasStretch;
    final Change change;
    /** The quarter index a TARGET_REVISED, OFFICER_CHANGED or TARGET_SET change takes effect (0 for NONE). */
    final int changeAt;
    /** TARGET_REVISED: the revised improvement as a share of the first (0.75 or 1.2). */
    final double revisionFactor;
    /** Whether plans of this indicator profile their trajectories quarter by quarter (the register's does). */
    final boolean explicit;
    /** The whole authority's plan, the register's. */
    final SyntheticPlan plan;
    final List<Version> versions;

    final Quarters quarters;

    private SyntheticIndicator(int index, Draws draws, Quarters quarters) {
        this.index = index;
        this.quarters = quarters;
        long h = draws.hash(Draws.REGISTER, 0, index, 0);

        theme = index % Vocabulary.THEMES.size();
        List<Vocabulary.Template> templates = Vocabulary.TEMPLATES.get(theme);
        int round = index / Vocabulary.THEMES.size();
        Vocabulary.Template template = templates.get(round % templates.size());
        int variant = round / templates.size();
        ref = String.format("NI %03d", index + 1);
        title = variant == 0 ? template.title() : template.title() + " (variant " + (variant + 1) + ")";
        polarity = template.polarity();
        sign = polarity.sign();
        unit = template.unit();
        accumulation = template.accumulation();
        decimals = decimalsOf(unit);
        extensive = template.extensive();

        if (accumulation == Accumulation.LEVEL) {
            baselinePeriod = quarters.first.previous();
            targetPeriod = quarters.first.plusQuarters(HORIZON - 1);
        } else {
            baselinePeriod = FiscalQuarter.of(quarters.first.fiscalYear() - 1, 4);
            targetPeriod = FiscalQuarter.of(quarters.first.plusQuarters(HORIZON - 1).fiscalYear(), 4);
        }
        baselineLabel = baselinePeriod.toString();
        targetLabel = targetPeriod.toString();

        double baseline = template.baselineLow()
                + (template.baselineHigh() - template.baselineLow()) * Draws.unit(Draws.sub(h, 1));
        improvement = template.improvement() * (0.7 + 0.6 * Draws.unit(Draws.sub(h, 2)));
        hasStretch = index % 4 == 0;
        String officer = Names.person(Draws.sub(h, 3));
        change = changeOf(index);
        long hc = Draws.sub(h, 4);
        revisionFactor = Draws.unit(hc) < 0.5 ? 0.75 : 1.2;
        changeAt = switch (change) {
            case NONE -> 0;
            case TARGET_REVISED -> 8 + Draws.below(Draws.sub(hc, 1), 20);
            case OFFICER_CHANGED -> 4 + Draws.below(Draws.sub(hc, 1), 28);
            case TARGET_SET -> 2 + Draws.below(Draws.sub(hc, 1), 4);
        };
        explicit = index % 25 == 3 && change == Change.NONE;
        plan = new SyntheticPlan(this, baseline, improvement, explicit);

        List<Version> v = new ArrayList<>(2);
        for (SyntheticPlan.Target target : plan.targets) {
            v.add(new Version(target.validFrom(), target.value(), target.stretch(), hasStretch && target.isSet(), officer));
        }
        if (change == Change.OFFICER_CHANGED) {
            String successor = Names.person(Draws.sub(hc, 2));
            if (successor.equals(officer)) {
                successor = Names.person(Draws.sub(hc, 3)) + " (acting)";
            }
            SyntheticPlan.Target target = plan.targets.get(0);
            v.add(new Version(changeAt, target.value(), target.stretch(), hasStretch, successor));
        }
        versions = List.copyOf(v);
    }

    /** The register for indicators 0 .. count-1; indicator i depends only on the seed, i and the first quarter. */
    static List<SyntheticIndicator> register(Draws draws, Quarters quarters, int count) {
        List<SyntheticIndicator> register = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            register.add(new SyntheticIndicator(i, draws, quarters));
        }
        return List.copyOf(register);
    }

    /** About 5% of indicators get a revised target, 5% a new officer and 3% a target set after the start. */
    static Change changeOf(int index) {
        if (index % 30 == 2) {
            return Change.TARGET_SET;
        }
        if (index % 20 == 1) {
            return Change.TARGET_REVISED;
        }
        if (index % 20 == 4) {
            return Change.OFFICER_CHANGED;
        }
        return Change.NONE;
    }

    static int decimalsOf(MeasureUnit unit) {
        return switch (unit) {
            case COUNT, MONEY -> 0;
            case PERCENT, SCORE -> 1;
            case RATE -> 2;
        };
    }

    boolean isCumulative() {
        return accumulation == Accumulation.CUMULATIVE_YTD;
    }

    /** Share of the way from baseline to target planned by quarter index t (LEVEL). */
    static double levelProgress(int t) {
        return Math.min(t + 1, HORIZON) / (double) HORIZON;
    }

    /** Share of the way from the baseline year to the target year planned by quarter index t's year (CUMULATIVE_YTD). */
    double yearProgress(int t) {
        int years = targetPeriod.fiscalYear() - baselinePeriod.fiscalYear();
        int year = quarters.fiscalYear(t) - baselinePeriod.fiscalYear();
        return Math.min(year, years) / (double) years;
    }
}
