package io.trajectory.api.pages;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How numbers read on the pages: British grouping, no needless decimals, a dash for "no figure".
 * Handed to the templates as {@code fmt}. Thread-safe (formats are made per call).
 */
public final class Formats {

    static final Formats INSTANCE = new Formats();
    static final String NONE = "\u2013";

    private static final DecimalFormatSymbols UK = DecimalFormatSymbols.getInstance(Locale.UK);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK).withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** 1,234 or 12.35; a dash for null. */
    public String number(Double v) {
        if (v == null || v.isNaN()) {
            return NONE;
        }
        return new DecimalFormat("#,##0.##", UK).format(v);
    }

    /** Signed: +1,234 or −12.5 (a true minus sign). */
    public String signed(Double v) {
        if (v == null || v.isNaN()) {
            return NONE;
        }
        String s = new DecimalFormat("#,##0.##", UK).format(Math.abs(v));
        return v > 0 ? "+" + s : v < 0 ? "\u2212" + s : s;
    }

    /** A share as a percentage with one decimal: 68.4%. */
    public String share(Double v) {
        if (v == null || v.isNaN()) {
            return NONE;
        }
        return new DecimalFormat("0.0", UK).format(v * 100) + "%";
    }

    /** A signed share of the planned improvement: +12% ahead, −30% behind. */
    public String signedShare(Double v) {
        if (v == null || v.isNaN()) {
            return NONE;
        }
        String s = new DecimalFormat("0", UK).format(Math.abs(v * 100)) + "%";
        return v > 0.005 ? "+" + s : v < -0.005 ? "\u2212" + s : s;
    }

    /** A count with its share in brackets, as the risk summary prints it: 63 (63.6%). */
    public String countShare(Long count, Double share) {
        if (count == null) {
            return NONE;
        }
        return share == null ? Long.toString(count) : count + " (" + share(share) + ")";
    }

    /** A moment in UTC as people read it: 23 Nov 2026, 08:40:50. */
    public String instant(Instant at) {
        return at == null ? NONE : MOMENT.format(at);
    }

    /** How long from one moment to another: 3.9 s, or 2 min 05 s. */
    public String duration(Instant from, Instant to) {
        if (from == null || to == null) {
            return NONE;
        }
        long ms = Duration.between(from, to).toMillis();
        return ms < 60_000 ? new DecimalFormat("0.0", UK).format(ms / 1000.0) + " s"
                : String.format("%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }

    /** A quarter as the risk summary heads its columns: 2008/09 Q2 → Q2 08/09. */
    public String shortQuarter(String quarter) {
        FiscalQuarter q = FiscalQuarter.parse(quarter);
        return "Q" + q.quarter() + " " + String.format("%02d/%02d", q.fiscalYear() % 100, (q.fiscalYear() + 1) % 100);
    }

    public RatingBadge rating(Rating rating) {
        return RatingBadge.of(rating);
    }

    /** A code as words: NO_CHANGE → No change, SCHEDULED → Scheduled (a direction, a trigger, an outcome). */
    public String words(Object code) {
        String text = code == null ? "" : code instanceof Enum<?> e ? e.name() : code.toString();
        if (text.isBlank()) {
            return NONE;
        }
        String s = text.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** An arrow beside the direction, so it reads at a glance and without colour. */
    public String arrow(DirectionOfTravel direction) {
        if (direction == null) {
            return "";
        }
        return switch (direction) {
            case IMPROVING -> "\u2191";
            case WORSENING -> "\u2193";
            case NO_CHANGE -> "\u2192";
        };
    }
}
