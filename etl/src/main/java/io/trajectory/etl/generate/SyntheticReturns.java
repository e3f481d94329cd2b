package io.trajectory.etl.generate;

import io.trajectory.etl.generate.SyntheticAuthority.District;
import io.trajectory.etl.generate.SyntheticPlan.Target;
import io.trajectory.etl.generate.SyntheticPlans.Breakdown;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.rating.TrajectoryRatingRule;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The quarterly files of the synthetic landing zone: {@code indicators.csv},
 * {@code commitments.csv} and {@code signoff.json} for one quarter.
 *
 * <p>The model for one authority's indicator: each (authority, indicator) pair has its own speed
 * of improvement (about the planned speed, faster for an authority that performs well), a lead
 * or lag on its plan and a noise level; its value each quarter follows <em>its own plan's</em>
 * baseline-to-target line at that speed, plus smoothed quarterly noise (CUMULATIVE_YTD: an
 * annual total made of four noisy quarterly increments that restart each April). Every row names
 * its area: there are no whole-authority rows. The officer's rating weighs the figure against the
 * authority's plan in force as the warehouse's default rule does (on or ahead of the trajectory
 * GREEN; behind but on course for the target by its date AMBER; otherwise RED), with a little
 * officer optimism or caution; the officer's direction of travel compares with the previous
 * quarter (CUMULATIVE_YTD: the same quarter last year).
 *
 * <p>Districts break the authority's figure down: counts and money are split into shares that
 * add up to the authority's figure exactly (shares drift a little from quarter to quarter), and
 * rates, percentages and scores are the district's own (its authority's moved by its
 * circumstances). A district with a plan of its own is rated against it; one without has only
 * its figure, as breakdown rows usually are. A restated authority figure restates its districts'
 * too, so the breakdown still adds up. Every value is a pure function of (seed, authority,
 * district, indicator, quarter). Thread-safe: each call writes its own files.
 */
final class SyntheticReturns {

    static final String[] INDICATOR_HEADER = {
            "indicator_ref", "period", "area", "actual", "rag", "trend", "data_status", "comment", "reported_by"};
    static final String[] COMMITMENT_HEADER = {
            "ref", "priority", "achieve", "responsible_officer", "status", "comment"};

    /** Share of G/A/R ratings the officer moves one step: most of them towards optimism. */
    private static final double OFFICER_OPTIMISM = 0.035;
    private static final double OFFICER_CAUTION = 0.015;
    /**
     * Officers call a figure GREEN when it is within this share of the planned improvement of the
     * trajectory, so the warehouse's strict computed rating now and then disagrees, as in real returns.
     */
    private static final double GREEN_TOLERANCE = 0.01;
    private static final double MA_NORM = Math.sqrt(1 + 0.6 * 0.6);
    /** A district's own noise in a rate, percentage or score, as a share of its authority's planned improvement. */
    private static final double DISTRICT_NOISE = 0.15;
    /** How far a district's share of its authority's count drifts from quarter to quarter (standard deviation). */
    private static final double SHARE_DRIFT = 0.015;
    /** Quarters the officer fits the recent trend over, as the warehouse's default rule does. */
    private static final int TREND_QUARTERS = 4;

    private final Draws draws;
    private final Quarters quarters;
    private final SyntheticIndicator[] register;
    private final SyntheticAuthority[] authorities;
    private final SyntheticPlans plans;
    private final double notAvailableRate;
    private final double restatementRate;
    private final String[][] reportedBy;
    private final String[][] comments = new String[Rating.values().length][];
    private final double[] commentChance = new double[Rating.values().length];

    SyntheticReturns(Draws draws, Quarters quarters, List<SyntheticIndicator> register,
                     List<SyntheticAuthority> authorities, SyntheticPlans plans,
                     double notAvailableRate, double restatementRate) {
        this.draws = draws;
        this.quarters = quarters;
        this.register = register.toArray(SyntheticIndicator[]::new);
        this.authorities = authorities.toArray(SyntheticAuthority[]::new);
        this.plans = plans;
        this.notAvailableRate = notAvailableRate;
        this.restatementRate = restatementRate;
        this.reportedBy = new String[this.authorities.length][Vocabulary.THEMES.size()];
        for (int a = 0; a < this.authorities.length; a++) {
            boolean surnameFirst = Draws.unit(draws.hash(Draws.AUTHORITY, a, 0, 0)) < 0.15;
            for (int theme = 0; theme < Vocabulary.THEMES.size(); theme++) {
                long h = draws.hash(Draws.OFFICER, a, theme, 0);
                reportedBy[a][theme] = surnameFirst ? Names.personSurnameFirst(h) : Names.person(h);
            }
        }
        pool(Rating.GREEN, Vocabulary.GREEN_COMMENTS, 0.35);
        pool(Rating.AMBER, Vocabulary.AMBER_COMMENTS, 0.7);
        pool(Rating.RED, Vocabulary.RED_COMMENTS, 0.85);
        pool(Rating.ACHIEVED, Vocabulary.ACHIEVED_COMMENTS, 0.6);
        pool(Rating.NOT_AVAILABLE, Vocabulary.NOT_AVAILABLE_COMMENTS, 0.7);
        pool(Rating.NO_TARGET, Vocabulary.NO_TARGET_COMMENTS, 0.8);
    }

    private void pool(Rating rating, List<String> texts, double chance) {
        comments[rating.ordinal()] = texts.toArray(String[]::new);
        commentChance[rating.ordinal()] = chance;
    }

    /** Row counts of one quarter's indicator return. */
    record Counts(long rows, long restatements) {
    }

    // ---------------------------------------------------------------- indicators.csv

    Counts writeIndicators(Path file, int t) throws IOException {
        String period = quarters.quarter(t).toString();
        long restatements = 0;
        Cell cell = new Cell();
        try (CsvOut out = new CsvOut(file)) {
            out.header(INDICATOR_HEADER);
            for (SyntheticIndicator indicator : register) {
                for (SyntheticAuthority authority : authorities) {
                    cell.reset(indicator, authority, t);
                    writeRows(out, cell, period);
                    int back = restatementOffset(authority.index, indicator.index, t);
                    if (back > 0) {
                        restatements += writeRestatements(out, cell, t - back);
                    }
                }
            }
            return new Counts(out.rows(), restatements);
        }
    }

    /** The authority's row for quarter t, then each of its districts'. */
    private void writeRows(CsvOut out, Cell cell, String period) throws IOException {
        SyntheticIndicator ind = cell.ind;
        int a = cell.authority.index;
        int t = cell.t;
        String reporter = reportedBy[a][ind.theme];
        List<District> districts = cell.authority.districts;
        long h = draws.hash(Draws.ROW, a, ind.index, t);
        if (Draws.unit(h) < notAvailableRate) {
            out.text(ind.ref).text(period).text(cell.authority.code)
                    .blank()
                    .text(Draws.unit(Draws.sub(h, 1)) < 0.25 ? "NOT_AVAILABLE" : "")
                    .blank()
                    .text("NOT_AVAILABLE")
                    .text(comment(Rating.NOT_AVAILABLE, Draws.sub(h, 2)))
                    .text(reporter);
            out.endRow();
            // No total, no breakdown.
            for (District district : districts) {
                out.text(ind.ref).text(period).text(district.code()).blank().blank().blank()
                        .text("NOT_AVAILABLE").blank().text(reporter);
                out.endRow();
            }
            return;
        }
        String status = willBeRestated(a, ind.index, t) ? "PROVISIONAL"
                : Draws.unit(Draws.sub(h, 5)) < 0.1 ? "" : "REPORTED";
        boolean trendGiven = Draws.unit(Draws.sub(h, 4)) >= 0.04;

        long scaled = cell.scaled(Cell.AUTHORITY, t);
        Rating rag = officerView(rate(cell.plan, t, scaled / (double) cell.scale, cell, Cell.AUTHORITY), Draws.sub(h, 3));
        out.text(ind.ref).text(period).text(cell.authority.code)
                .fixed(scaled, ind.decimals)
                .text(rag.name())
                .text(trendGiven ? trend(cell, Cell.AUTHORITY, t, scaled) : "")
                .text(status)
                .text(comment(rag, Draws.sub(h, 6)))
                .text(reporter);
        out.endRow();

        for (int d = 0; d < districts.size(); d++) {
            SyntheticPlan plan = cell.breakdown.plans()[d];
            long value = cell.scaled(d, t);
            out.text(ind.ref).text(period).text(districts.get(d).code()).fixed(value, ind.decimals);
            if (plan == null) {
                out.blank().blank();
            } else {
                Rating districtRag = officerView(rate(plan, t, value / (double) cell.scale, cell, d),
                        Draws.sub(cell.breakdown.hashes()[d], 100 + t));
                out.text(districtRag.name()).text(trendGiven ? trend(cell, d, t, value) : "");
            }
            out.text(status).blank().text(reporter);
            out.endRow();
        }
    }

    /** The officer's direction of travel: against the previous quarter (CUMULATIVE_YTD: the same quarter last year). */
    private static String trend(Cell cell, int area, int t, long scaled) {
        int compareWith = cell.ind.isCumulative() ? t - 4 : t - 1;
        if (compareWith < 0) {
            return "";
        }
        long better = cell.ind.sign * (scaled - cell.scaled(area, compareWith));
        return better > 0 ? "IMPROVING" : better < 0 ? "WORSENING" : "NO_CHANGE";
    }

    /**
     * A later return re-sends the figure for quarter index s, revised by 1-5%, and its districts'
     * (counts split again so they still add up). Returns the rows written.
     */
    private long writeRestatements(CsvOut out, Cell cell, int s) throws IOException {
        SyntheticIndicator ind = cell.ind;
        int a = cell.authority.index;
        long scale = cell.scale;
        long originalScaled = cell.scaled(Cell.AUTHORITY, s);
        long h = Draws.sub(draws.hash(Draws.RESTATEMENT, a, ind.index, cell.t), 1);
        double change = (0.01 + 0.04 * Draws.unit(h)) * (Draws.unit(Draws.sub(h, 1)) < 0.5 ? -1 : 1);
        long scaled = revised(ind, originalScaled, cell.value(Cell.AUTHORITY, s) * (1 + change), scale);
        String period = quarters.quarter(s).toString();
        String comment = "Restated: " + period + " figure revised after validation.";
        String reporter = reportedBy[a][ind.theme];
        Rating rag = rate(cell.plan, s, scaled / (double) scale, cell, Cell.AUTHORITY);
        out.text(ind.ref).text(period).text(cell.authority.code)
                .fixed(scaled, ind.decimals)
                .text(rag.name())
                .blank()
                .text("REPORTED")
                .text(comment)
                .text(reporter);
        out.endRow();

        List<District> districts = cell.authority.districts;
        for (int d = 0; d < districts.size(); d++) {
            long value = ind.extensive
                    ? cell.split(d, s, scaled)
                    : revised(ind, cell.scaled(d, s), cell.value(d, s) * (1 + change), scale);
            SyntheticPlan plan = cell.breakdown.plans()[d];
            out.text(ind.ref).text(period).text(districts.get(d).code())
                    .fixed(value, ind.decimals)
                    .text(plan == null ? "" : rate(plan, s, value / (double) scale, cell, d).name())
                    .blank()
                    .text("REPORTED")
                    .text(comment)
                    .text(reporter);
            out.endRow();
        }
        return 1L + districts.size();
    }

    /** A revised figure, rounded, and never the same as the figure first sent. */
    private static long revised(SyntheticIndicator ind, long originalScaled, double revisedValue, long scale) {
        long scaled = Math.round(clamp(ind, revisedValue) * scale);
        if (scaled == originalScaled) {
            boolean atCeiling = ind.unit == MeasureUnit.PERCENT && scaled >= 100 * scale;
            scaled += atCeiling ? -1 : 1;
        }
        return scaled;
    }

    /** 0 when the return for quarter index t restates nothing for this cell, else how many quarters back it restates (1 or 2). */
    int restatementOffset(int a, int i, int t) {
        if (t < 1 || restatementRate <= 0) {
            return 0;
        }
        double u = Draws.unit(draws.hash(Draws.RESTATEMENT, a, i, t));
        if (u >= restatementRate) {
            return 0;
        }
        return t >= 2 && u >= restatementRate * 0.8 ? 2 : 1;
    }

    /** True when a later return (written or not) restates this cell's figure: it is sent as PROVISIONAL. */
    private boolean willBeRestated(int a, int i, int t) {
        return restatementOffset(a, i, t + 1) == 1 || restatementOffset(a, i, t + 2) == 2;
    }

    private static double clamp(SyntheticIndicator ind, double v) {
        double floor = Math.max(0, v);
        return ind.unit == MeasureUnit.PERCENT ? Math.min(100, floor) : floor;
    }

    /**
     * The rating the numbers give against the plan in force, as the warehouse's default rule
     * rates them: NO_TARGET before a target is set; ACHIEVED once the final target is met
     * (CUMULATIVE_YTD: at Q4); GREEN on or just ahead of the trajectory; behind it, AMBER when
     * they are within the rule's amber tolerance (10% of the planned value, or 15% of a level
     * indicator's planned improvement when larger) or on course for the target (the recent trend
     * carried to the target period, or the year-to-date rate carried to the year end), RED when not.
     */
    private Rating rate(SyntheticPlan plan, int t, double actual, Cell cell, int area) {
        Target target = plan.targetAt(t);
        if (!target.isSet()) {
            return Rating.NO_TARGET;
        }
        SyntheticIndicator ind = plan.indicator;
        int quarter = quarters.quarterOfYear(t);
        boolean cumulative = ind.isCumulative();
        if (ind.sign * (actual - target.value()) >= 0 && (!cumulative || quarter == 4)) {
            return Rating.ACHIEVED;
        }
        double planScale = Math.max(Math.abs(target.value() - plan.baseline) * (cumulative ? quarter / 4.0 : 1.0),
                1.0 / cell.scale);
        double gap = ind.sign * (actual - plan.planned(target, t)) / planScale;
        if (gap >= -GREEN_TOLERANCE) {
            return Rating.GREEN;
        }
        double planned = plan.planned(target, t);
        double allowance = TrajectoryRatingRule.DEFAULT_PLAN_AMBER_TOLERANCE * Math.abs(planned);
        if (!cumulative) {
            allowance = Math.max(allowance, TrajectoryRatingRule.DEFAULT_AMBER_TOLERANCE * Math.abs(target.value() - plan.baseline));
        }
        if (ind.sign * (planned - actual) <= allowance) {
            return Rating.AMBER;
        }
        double projected;
        double aim;
        if (cumulative) {
            projected = actual * 4 / quarter;
            aim = plan.plannedAtYearEnd(t);
        } else {
            int left = SyntheticIndicator.HORIZON - 1 - t;
            double slope = left > 0 ? cell.slope(area, t, actual) : Double.NaN;
            projected = actual + slope * left;
            aim = target.value();
        }
        return ind.sign * (projected - aim) >= 0 ? Rating.AMBER : Rating.RED;
    }

    /** Officers mostly agree with the numbers; a few are optimistic, fewer cautious. */
    private static Rating officerView(Rating computed, long h) {
        if (computed != Rating.GREEN && computed != Rating.AMBER && computed != Rating.RED) {
            return computed;
        }
        double u = Draws.unit(h);
        if (u < OFFICER_OPTIMISM) {
            return computed == Rating.RED ? Rating.AMBER : Rating.GREEN;
        }
        if (u < OFFICER_OPTIMISM + OFFICER_CAUTION) {
            return computed == Rating.GREEN ? Rating.AMBER : Rating.RED;
        }
        return computed;
    }

    private String comment(Rating rating, long h) {
        String[] pool = comments[rating.ordinal()];
        if (Draws.unit(h) >= commentChance[rating.ordinal()]) {
            return "";
        }
        return pool[Draws.below(Draws.sub(h, 1), pool.length)];
    }

    /**
     * One authority's figures for one indicator around quarter t, and its districts': each
     * value worked out once for the quarters a row looks back on (t-5 .. t) and kept while the
     * authority's rows are written. Scratch space for one writer: not thread-safe.
     */
    private final class Cell {

        static final int AUTHORITY = -1;
        private static final int KEPT = 6;

        SyntheticIndicator ind;
        SyntheticAuthority authority;
        SyntheticPlan plan;
        Breakdown breakdown;
        int t;
        long scale;
        private double speed;
        private double lead;
        private double noise;

        private final double[] values = new double[KEPT];
        private final boolean[] known = new boolean[KEPT];
        private final long[] quarterHashes = new long[KEPT];
        private final boolean[] quarterHashKnown = new boolean[KEPT];
        private double[][] cumulativeShares = new double[KEPT][];
        private final boolean[] sharesKnown = new boolean[KEPT];

        void reset(SyntheticIndicator ind, SyntheticAuthority authority, int t) {
            this.ind = ind;
            this.authority = authority;
            this.t = t;
            this.plan = plans.authority(ind, authority);
            this.breakdown = plans.breakdown(ind, authority, plan);
            this.scale = CsvOut.scale(ind.decimals);
            long hp = draws.hash(Draws.PARAMETERS, authority.index, ind.index, 0);
            speed = 1.05 + 0.12 * authority.performance + 0.25 * Draws.normal(hp);
            lead = 0.03 + 0.08 * Draws.normal(Draws.sub(hp, 1));
            noise = 0.04 + 0.08 * Draws.unit(Draws.sub(hp, 2));
            Arrays.fill(known, false);
            Arrays.fill(quarterHashKnown, false);
            Arrays.fill(sharesKnown, false);
            int n = authority.districts.size();
            if (n > 0 && (cumulativeShares[0] == null || cumulativeShares[0].length != n + 1)) {
                cumulativeShares = new double[KEPT][n + 1];
            }
        }

        /** The figure as reported (scaled to an integer) for the authority or district {@code area} at quarter s. */
        long scaled(int area, int s) {
            if (area == AUTHORITY) {
                return Math.round(value(AUTHORITY, s) * scale);
            }
            if (ind.extensive) {
                return split(area, s, scaled(AUTHORITY, s));
            }
            return Math.round(value(area, s) * scale);
        }

        /** District d's part of an authority total at quarter s: the parts add up to the total exactly. */
        long split(int d, int s, long total) {
            double[] cumulative = cumulativeShares(s);
            return Math.round(total * cumulative[d + 1]) - Math.round(total * cumulative[d]);
        }

        /** The underlying (unrounded) figure: the authority's, or a district's rate, percentage or score. */
        double value(int area, int s) {
            if (area == AUTHORITY) {
                int k = t - s;
                if (k >= 0 && k < KEPT) {
                    if (!known[k]) {
                        values[k] = authorityValue(s);
                        known[k] = true;
                    }
                    return values[k];
                }
                return authorityValue(s);
            }
            // the authority's figure moved by the district's circumstances, with noise of its own
            // in proportion to the improvement planned (as the authority's is)
            double own = breakdown.factors()[area] * (value(AUTHORITY, s)
                    + DISTRICT_NOISE * Math.abs(plan.modelDelta) * Draws.normal(Draws.sub(quarterHash(s), area)));
            return clamp(ind, own);
        }

        /**
         * The recent trend the officer sees: the least-squares slope per quarter of the figures
         * reported over the last {@value #TREND_QUARTERS} quarters up to t (quarters not
         * available left out), NaN with fewer than two.
         */
        double slope(int area, int t, double actualAtT) {
            double n = 0;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (int s = Math.max(0, t - (TREND_QUARTERS - 1)); s <= t; s++) {
                double y;
                if (s == t) {
                    y = actualAtT;
                } else if (Draws.unit(draws.hash(Draws.ROW, authority.index, ind.index, s)) < notAvailableRate) {
                    continue;
                } else {
                    y = scaled(area, s) / (double) scale;
                }
                n++;
                sx += s;
                sy += y;
                sxx += (double) s * s;
                sxy += s * y;
            }
            return n < 2 ? Double.NaN : (n * sxy - sx * sy) / (n * sxx - sx * sx);
        }

        private double authorityValue(int s) {
            double delta = plan.modelDelta;
            double spread = Math.abs(delta) * noise;
            int a = authority.index;
            if (!ind.isCumulative()) {
                double z = Draws.normal(draws.hash(Draws.QUARTER_NOISE, a, ind.index, s));
                double zBefore = Draws.normal(draws.hash(Draws.QUARTER_NOISE, a, ind.index, s - 1));
                double v = plan.baseline + delta * (speed * SyntheticIndicator.levelProgress(s) + lead)
                        + spread * (z + 0.6 * zBefore) / MA_NORM;
                return clamp(ind, v);
            }
            double annual = plan.baseline + delta * (speed * ind.yearProgress(s) + lead)
                    + spread * Draws.normal(draws.hash(Draws.YEAR_NOISE, a, ind.index, quarters.fiscalYear(s)));
            double share = 0;
            for (int q = s - quarters.quarterOfYear(s) + 1; q <= s; q++) {
                share += 0.25 * (1 + 0.03 * Draws.normal(draws.hash(Draws.QUARTER_NOISE, a, ind.index, q)));
            }
            return clamp(ind, annual * share);
        }

        /** One hash per (authority, indicator, quarter) for the districts' draws that quarter. */
        private long quarterHash(int s) {
            int k = t - s;
            if (k >= 0 && k < KEPT) {
                if (!quarterHashKnown[k]) {
                    quarterHashes[k] = draws.hash(Draws.DISTRICT_QUARTER, authority.index, ind.index, s);
                    quarterHashKnown[k] = true;
                }
                return quarterHashes[k];
            }
            return draws.hash(Draws.DISTRICT_QUARTER, authority.index, ind.index, s);
        }

        /** The districts' shares at quarter s (each drifting a little from its typical share), added up: 0, ..., 1. */
        private double[] cumulativeShares(int s) {
            int k = t - s;
            boolean keep = k >= 0 && k < KEPT;
            if (keep && sharesKnown[k]) {
                return cumulativeShares[k];
            }
            double[] shares = breakdown.shares();
            double[] cumulative = keep ? cumulativeShares[k] : new double[shares.length + 1];
            long h = quarterHash(s);
            double total = 0;
            for (int d = 0; d < shares.length; d++) {
                total += shares[d] * (1 + SHARE_DRIFT * Draws.normal(Draws.sub(h, 1000 + d)));
                cumulative[d + 1] = total;
            }
            for (int d = 1; d <= shares.length; d++) {
                cumulative[d] /= total;
            }
            cumulative[0] = 0;
            cumulative[shares.length] = 1;
            if (keep) {
                sharesKnown[k] = true;
            }
            return cumulative;
        }
    }

    // ---------------------------------------------------------------- commitments.csv

    long writeCommitments(Path file, int t) throws IOException {
        int previousQuarter = quarters.quarterOfYear(t - 1);
        try (CsvOut out = new CsvOut(file)) {
            out.header(COMMITMENT_HEADER);
            for (int c = 0; c < Vocabulary.COMMITMENTS.size(); c++) {
                Vocabulary.Commitment commitment = Vocabulary.COMMITMENTS.get(c);
                Rating before = commitmentStatus(c, t - 1);
                Rating now = commitmentStatus(c, t);
                long h = draws.hash(Draws.COMMITMENT, c, 1, t);
                out.text(commitment.ref())
                        .text(commitment.priority())
                        .text(commitment.achieve())
                        .text(commitment.officer())
                        .text(statusText(now, before, previousQuarter, Draws.below(h, 3)))
                        .text(commitmentComment(now, Draws.sub(h, 1)));
                out.endRow();
            }
            return out.rows();
        }
    }

    /**
     * A commitment's status at quarter index t (null before the first quarter): a slow random
     * walk between GREEN, AMBER and RED, ending ACHIEVED (for good) some time after its due quarter.
     */
    Rating commitmentStatus(int c, int t) {
        if (t < 0) {
            return null;
        }
        double u0 = Draws.unit(draws.hash(Draws.COMMITMENT, c, 0, 0));
        Rating status = u0 < 0.7 ? Rating.GREEN : u0 < 0.9 ? Rating.AMBER : Rating.RED;
        int due = 4 + (c * 7) % 24;
        for (int s = 1; s <= t && status != Rating.ACHIEVED; s++) {
            long h = draws.hash(Draws.COMMITMENT, c, 0, s);
            double u = Draws.unit(Draws.sub(h, 1));
            if (s >= due && status == Rating.GREEN && Draws.unit(h) < 0.4) {
                status = Rating.ACHIEVED;
            } else if (u < 0.12) {
                status = status == Rating.RED ? Rating.AMBER : Rating.GREEN;
            } else if (u < 0.24) {
                status = status == Rating.GREEN ? Rating.AMBER : Rating.RED;
            }
        }
        return status;
    }

    /** The status cell as officers write it: {@code Amber (Green at Q1)}, {@code Green (amber at Quarter 1)}, ... */
    static String statusText(Rating now, Rating before, int previousQuarter, int style) {
        if (before == null || before == now) {
            return now.label();
        }
        return switch (style) {
            case 0 -> now.label() + " (" + before.label() + " at Q" + previousQuarter + ")";
            case 1 -> now.label() + " (" + before.label().toLowerCase() + " at Quarter " + previousQuarter + ")";
            default -> now == Rating.ACHIEVED
                    ? "Achieved Was showing " + before.label().toLowerCase() + " at Quarter " + previousQuarter
                    : now.label() + " (" + before.label() + " at Q" + previousQuarter + ")";
        };
    }

    private static String commitmentComment(Rating status, long h) {
        List<String> pool = switch (status) {
            case GREEN -> Vocabulary.COMMITMENT_GREEN_COMMENTS;
            case AMBER -> Vocabulary.COMMITMENT_AMBER_COMMENTS;
            case RED -> Vocabulary.COMMITMENT_RED_COMMENTS;
            default -> Vocabulary.COMMITMENT_ACHIEVED_COMMENTS;
        };
        return pool.get(Draws.below(h, pool.size()));
    }

    // ---------------------------------------------------------------- signoff.json

    void writeSignoff(Path file, int t) throws IOException {
        FiscalQuarter quarter = quarters.quarter(t);
        long h = draws.hash(Draws.SIGNOFF, 0, 0, t);
        String by = Vocabulary.SIGNED_OFF_BY.get(Draws.below(h, Vocabulary.SIGNED_OFF_BY.size()));
        LocalDate day = quarter.endDate().plusDays(21 + Draws.below(Draws.sub(h, 1), 28));
        int hour = 9 + Draws.below(Draws.sub(h, 2), 8);
        String at = day + "T" + (hour < 10 ? "0" : "") + hour + ":00:00Z";
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"period\": " + json(quarter.toString())
                    + ", \"signed_off_by\": " + json(by)
                    + ", \"signed_off_at\": " + json(at) + "}\n");
        }
    }

    private static String json(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
