package io.trajectory.etl.generate;

import io.trajectory.etl.generate.SyntheticIndicator.Version;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The quarterly files of the synthetic landing zone: {@code indicators.csv},
 * {@code commitments.csv} and {@code signoff.json} for one quarter.
 *
 * <p>The model for one authority's indicator: each (authority, indicator) pair has its own speed
 * of improvement (about the planned speed), a lead or lag on the plan and a noise level; its
 * value each quarter follows the register's baseline-to-target line at that speed, plus smoothed
 * quarterly noise (CUMULATIVE_YTD: an annual total made of four noisy quarterly increments that
 * restart each April). The officer's rating compares the reported figure with the trajectory in
 * force (explicit planned values, or linear), with a little officer optimism or caution; the
 * officer's direction of travel compares with the previous quarter (CUMULATIVE_YTD: the same
 * quarter last year). Every value is a pure function of (seed, authority, indicator, quarter).
 * Thread-safe: each call writes its own files.
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
     * trajectory (so the warehouse's strict computed rating sometimes disagrees, as in real returns),
     * and AMBER down to {@link #AMBER_BAND} behind it.
     */
    private static final double GREEN_TOLERANCE = 0.02;
    private static final double AMBER_BAND = 0.12;
    private static final double MA_NORM = Math.sqrt(1 + 0.6 * 0.6);

    private final Draws draws;
    private final Quarters quarters;
    private final SyntheticIndicator[] register;
    private final int authorities;
    private final double notAvailableRate;
    private final double restatementRate;
    private final String[] areas;
    private final String[][] reportedBy;
    private final String[][] comments = new String[Rating.values().length][];
    private final double[] commentChance = new double[Rating.values().length];

    SyntheticReturns(Draws draws, Quarters quarters, List<SyntheticIndicator> register, int authorities,
                     double notAvailableRate, double restatementRate) {
        this.draws = draws;
        this.quarters = quarters;
        this.register = register.toArray(SyntheticIndicator[]::new);
        this.authorities = authorities;
        this.notAvailableRate = notAvailableRate;
        this.restatementRate = restatementRate;
        this.areas = new String[authorities];
        this.reportedBy = new String[authorities][Vocabulary.THEMES.size()];
        for (int a = 0; a < authorities; a++) {
            areas[a] = areaCode(a);
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

    /** The area code of authority a (0-based): {@code E0600001} for the first. */
    static String areaCode(int a) {
        String digits = Integer.toString(a + 1);
        return "E06" + "00000".substring(digits.length()) + digits;
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
        try (CsvOut out = new CsvOut(file)) {
            out.header(INDICATOR_HEADER);
            for (SyntheticIndicator indicator : register) {
                Version version = indicator.versionAt(t);
                for (int a = 0; a < authorities; a++) {
                    writeRow(out, indicator, version, a, t, period);
                    int back = restatementOffset(a, indicator.index, t);
                    if (back > 0) {
                        writeRestatement(out, indicator, a, t, back);
                        restatements++;
                    }
                }
            }
            return new Counts(out.rows(), restatements);
        }
    }

    private void writeRow(CsvOut out, SyntheticIndicator ind, Version version, int a, int t, String period)
            throws IOException {
        long h = draws.hash(Draws.ROW, a, ind.index, t);
        out.text(ind.ref).text(period).text(areas[a]);
        if (Draws.unit(h) < notAvailableRate) {
            out.blank()
                    .text(Draws.unit(Draws.sub(h, 1)) < 0.25 ? "NOT_AVAILABLE" : "")
                    .blank()
                    .text("NOT_AVAILABLE")
                    .text(comment(Rating.NOT_AVAILABLE, Draws.sub(h, 2)))
                    .text(reportedBy[a][ind.theme]);
            out.endRow();
            return;
        }
        long hp = draws.hash(Draws.PARAMETERS, a, ind.index, 0);
        double speed = 1.05 + 0.3 * Draws.normal(hp);
        double lead = 0.03 + 0.08 * Draws.normal(Draws.sub(hp, 1));
        double noise = 0.04 + 0.08 * Draws.unit(Draws.sub(hp, 2));
        long scale = CsvOut.scale(ind.decimals);

        long scaled = Math.round(value(ind, a, t, speed, lead, noise) * scale);
        Rating rag = officerView(rate(ind, version, t, scaled / (double) scale), Draws.sub(h, 3));

        String trend = "";
        int compareWith = ind.isCumulative() ? t - 4 : t - 1;
        if (compareWith >= 0 && Draws.unit(Draws.sub(h, 4)) >= 0.04) {
            long before = Math.round(value(ind, a, compareWith, speed, lead, noise) * scale);
            long better = ind.sign * (scaled - before);
            trend = better > 0 ? "IMPROVING" : better < 0 ? "WORSENING" : "NO_CHANGE";
        }
        String status = willBeRestated(a, ind.index, t) ? "PROVISIONAL"
                : Draws.unit(Draws.sub(h, 5)) < 0.1 ? "" : "REPORTED";

        out.fixed(scaled, ind.decimals)
                .text(rag.name())
                .text(trend)
                .text(status)
                .text(comment(rag, Draws.sub(h, 6)))
                .text(reportedBy[a][ind.theme]);
        out.endRow();
    }

    /** A later return re-sends the figure for quarter index t - back, revised by 1-5%. */
    private void writeRestatement(CsvOut out, SyntheticIndicator ind, int a, int t, int back) throws IOException {
        int s = t - back;
        long hp = draws.hash(Draws.PARAMETERS, a, ind.index, 0);
        double speed = 1.05 + 0.3 * Draws.normal(hp);
        double lead = 0.03 + 0.08 * Draws.normal(Draws.sub(hp, 1));
        double noise = 0.04 + 0.08 * Draws.unit(Draws.sub(hp, 2));
        long scale = CsvOut.scale(ind.decimals);

        double original = value(ind, a, s, speed, lead, noise);
        long originalScaled = Math.round(original * scale);
        long h = Draws.sub(draws.hash(Draws.RESTATEMENT, a, ind.index, t), 1);
        double change = (0.01 + 0.04 * Draws.unit(h)) * (Draws.unit(Draws.sub(h, 1)) < 0.5 ? -1 : 1);
        long scaled = Math.round(clamp(ind, original * (1 + change)) * scale);
        if (scaled == originalScaled) {
            boolean atCeiling = ind.unit == MeasureUnit.PERCENT && scaled >= 100 * scale;
            scaled += atCeiling ? -1 : 1;
        }
        FiscalQuarter period = quarters.quarter(s);
        Rating rag = rate(ind, ind.versionAt(s), s, scaled / (double) scale);
        out.text(ind.ref).text(period.toString()).text(areas[a])
                .fixed(scaled, ind.decimals)
                .text(rag.name())
                .blank()
                .text("REPORTED")
                .text("Restated: " + period + " figure revised after validation.")
                .text(reportedBy[a][ind.theme]);
        out.endRow();
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

    /** The underlying (unrounded) figure for authority a, indicator ind, quarter index t. */
    private double value(SyntheticIndicator ind, int a, int t, double speed, double lead, double noise) {
        double delta = ind.modelDelta;
        double spread = Math.abs(delta) * noise;
        if (!ind.isCumulative()) {
            double z = Draws.normal(draws.hash(Draws.QUARTER_NOISE, a, ind.index, t));
            double zBefore = Draws.normal(draws.hash(Draws.QUARTER_NOISE, a, ind.index, t - 1));
            double v = ind.baseline + delta * (speed * SyntheticIndicator.levelProgress(t) + lead)
                    + spread * (z + 0.6 * zBefore) / MA_NORM;
            return clamp(ind, v);
        }
        double annual = ind.baseline + delta * (speed * ind.yearProgress(t) + lead)
                + spread * Draws.normal(draws.hash(Draws.YEAR_NOISE, a, ind.index, quarters.fiscalYear(t)));
        double share = 0;
        for (int s = t - quarters.quarterOfYear(t) + 1; s <= t; s++) {
            share += 0.25 * (1 + 0.03 * Draws.normal(draws.hash(Draws.QUARTER_NOISE, a, ind.index, s)));
        }
        return clamp(ind, annual * share);
    }

    private static double clamp(SyntheticIndicator ind, double v) {
        double floor = Math.max(0, v);
        return ind.unit == MeasureUnit.PERCENT ? Math.min(100, floor) : floor;
    }

    /** The rating the numbers give: against the trajectory of the register version in force. */
    private Rating rate(SyntheticIndicator ind, Version version, int t, double actual) {
        if (!version.hasTarget()) {
            return Rating.NO_TARGET;
        }
        int quarter = quarters.quarterOfYear(t);
        boolean cumulative = ind.isCumulative();
        if (ind.sign * (actual - version.target()) >= 0 && (!cumulative || quarter == 4)) {
            return Rating.ACHIEVED;
        }
        double planScale = Math.abs(version.target() - ind.baseline) * (cumulative ? quarter / 4.0 : 1.0);
        double gap = ind.sign * (actual - ind.planned(version, t)) / planScale;
        return gap >= -GREEN_TOLERANCE ? Rating.GREEN : gap >= -AMBER_BAND ? Rating.AMBER : Rating.RED;
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
