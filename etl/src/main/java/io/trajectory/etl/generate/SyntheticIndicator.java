package io.trajectory.etl.generate;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;

import java.util.ArrayList;
import java.util.List;

/**
 * One indicator of the synthetic register: what it measures, its baseline, its version history
 * (type-2 rows) and its planned trajectory. Quarters are addressed by their index {@code t} from
 * the zone's first quarter (t = 0), so nothing here depends on how many quarters are written.
 *
 * <p>Every indicator is measured over a fixed horizon of
 * {@value SyntheticLandingZone#TARGET_HORIZON_QUARTERS} quarters: a LEVEL indicator's baseline is
 * the quarter before the first and its target period is the horizon's last quarter; a
 * CUMULATIVE_YTD indicator's baseline is the year before the first quarter's (as its Q4) and its
 * target period is the Q4 of the horizon's last year. Immutable and thread-safe.
 */
final class SyntheticIndicator {

    static final int HORIZON = SyntheticLandingZone.TARGET_HORIZON_QUARTERS;

    /** Year-to-date share of the annual plan after each quarter, for explicit cumulative trajectories. */
    private static final double[] EXPLICIT_SHARES = {0.22, 0.47, 0.73, 1.0};

    /** The type-2 change an indicator goes through, if any. */
    enum Change {
        NONE, TARGET_REVISED, OFFICER_CHANGED, TARGET_SET
    }

    /** One row of the register: in force from quarter index {@code validFrom}. */
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
    final double baseline;
    final FiscalQuarter baselinePeriod;
    final FiscalQuarter targetPeriod;
    final Change change;
    final List<Version> versions;
    /** The improvement the synthetic authorities actually work towards (target minus baseline of the first version with a target). */
    final double modelDelta;
    /** Explicit planned values for t = 0 .. HORIZON-1, or null for the linear trajectory. */
    final double[] explicitPlanned;
    final double[] explicitStretch;

    private final Quarters quarters;

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

        baseline = round(template.baselineLow()
                + (template.baselineHigh() - template.baselineLow()) * Draws.unit(Draws.sub(h, 1)), decimals);
        double improvement = template.improvement() * (0.7 + 0.6 * Draws.unit(Draws.sub(h, 2)));
        double step = 1.0 / CsvOut.scale(decimals);
        double target = round(baseline + sign * Math.max(baseline * improvement, step), decimals);
        boolean hasStretch = index % 4 == 0;
        double stretch = hasStretch ? stretchFor(target) : Double.NaN;
        String officer = Names.person(Draws.sub(h, 3));

        if (accumulation == Accumulation.LEVEL) {
            baselinePeriod = quarters.first.previous();
            targetPeriod = quarters.first.plusQuarters(HORIZON - 1);
        } else {
            baselinePeriod = FiscalQuarter.of(quarters.first.fiscalYear() - 1, 4);
            targetPeriod = FiscalQuarter.of(quarters.first.plusQuarters(HORIZON - 1).fiscalYear(), 4);
        }

        change = changeOf(index);
        long hc = Draws.sub(h, 4);
        List<Version> v = new ArrayList<>(2);
        switch (change) {
            case NONE -> v.add(new Version(0, target, stretch, hasStretch, officer));
            case TARGET_REVISED -> {
                double factor = Draws.unit(hc) < 0.5 ? 0.75 : 1.2;
                double revised = round(baseline + (target - baseline) * factor, decimals);
                if (revised == target) {
                    revised = target + sign * step;
                }
                v.add(new Version(0, target, stretch, hasStretch, officer));
                v.add(new Version(8 + Draws.below(Draws.sub(hc, 1), 20), revised,
                        hasStretch ? stretchFor(revised) : Double.NaN, hasStretch, officer));
            }
            case OFFICER_CHANGED -> {
                String successor = Names.person(Draws.sub(hc, 2));
                if (successor.equals(officer)) {
                    successor = Names.person(Draws.sub(hc, 3)) + " (acting)";
                }
                v.add(new Version(0, target, stretch, hasStretch, officer));
                v.add(new Version(4 + Draws.below(Draws.sub(hc, 1), 28), target, stretch, hasStretch, successor));
            }
            case TARGET_SET -> {
                v.add(new Version(0, Double.NaN, Double.NaN, false, officer));
                v.add(new Version(2 + Draws.below(Draws.sub(hc, 1), 4), target, stretch, hasStretch, officer));
            }
            default -> throw new AssertionError(change);
        }
        versions = List.copyOf(v);
        modelDelta = target - baseline;

        if (index % 25 == 3 && change == Change.NONE) {
            explicitPlanned = new double[HORIZON];
            explicitStretch = hasStretch ? new double[HORIZON] : null;
            for (int t = 0; t < HORIZON; t++) {
                explicitPlanned[t] = round(explicitProfile(target, t), decimals);
                if (hasStretch) {
                    explicitStretch[t] = round(explicitProfile(stretch, t), decimals);
                }
            }
        } else {
            explicitPlanned = null;
            explicitStretch = null;
        }
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

    /** The version of the register in force at quarter index t (t ≥ 0). */
    Version versionAt(int t) {
        Version last = versions.get(0);
        for (int k = 1; k < versions.size(); k++) {
            if (versions.get(k).validFrom() <= t) {
                last = versions.get(k);
            }
        }
        return last;
    }

    /**
     * The planned value at quarter index t under a version with a target: the explicit value if
     * there is one, otherwise linear from baseline to target (CUMULATIVE_YTD: the annual figure,
     * linear by year, profiled q/4), flat at the target after the target period.
     */
    double planned(Version version, int t) {
        if (explicitPlanned != null && t < HORIZON) {
            return explicitPlanned[t];
        }
        if (!isCumulative()) {
            return baseline + (version.target() - baseline) * levelProgress(t);
        }
        double share = explicitPlanned != null
                ? EXPLICIT_SHARES[quarters.quarterOfYear(t) - 1]
                : quarters.quarterOfYear(t) / 4.0;
        return annualPlanned(version.target(), t) * share;
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

    private double annualPlanned(double target, int t) {
        return baseline + (target - baseline) * yearProgress(t);
    }

    private double explicitProfile(double target, int t) {
        if (!isCumulative()) {
            // A plan that expects the impact late: slow start, faster finish.
            return baseline + (target - baseline) * Math.pow(levelProgress(t), 1.4);
        }
        return annualPlanned(target, t) * EXPLICIT_SHARES[quarters.quarterOfYear(t) - 1];
    }

    private double stretchFor(double target) {
        return round(baseline + (target - baseline) * 1.25, decimals);
    }

    private static double round(double value, int decimals) {
        long scale = CsvOut.scale(decimals);
        return Math.round(Math.max(0, value) * scale) / (double) scale;
    }
}
