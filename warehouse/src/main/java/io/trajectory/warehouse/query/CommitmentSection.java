package io.trajectory.warehouse.query;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The sections of a commitments report, in the order the partnership's report prints them: Red
 * first, then what turned Amber from Green, the other Ambers, what turned Green from Amber, the
 * other Greens, Achieved, Ended, and any with no status. A commitment's section follows from its
 * status and last quarter's: the one last quarter's report recorded, or, when there is no such
 * report, the one this report states for last quarter.
 */
public enum CommitmentSection {
    RED("red", "Red commitments"),
    AMBER_WAS_GREEN("amber-was-green", "Commitments which are now Amber that were Green last quarter"),
    AMBER("amber", "Amber commitments"),
    GREEN_WAS_AMBER("green-was-amber", "Commitments which are now Green that were Amber last quarter"),
    GREEN("green", "Green commitments"),
    ACHIEVED("achieved", "Achieved commitments"),
    ENDED("ended", "Ended commitments"),
    NO_STATUS("no-status", "Commitments with no status reported");

    private final String id;
    private final String title;

    CommitmentSection(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The section {@code row} of {@code period}'s report belongs in. */
    public static CommitmentSection of(CommitmentRow row, FiscalQuarter period) {
        Rating previous = previousRating(row, period);
        return switch (row.rating()) {
            case RED -> RED;
            case AMBER -> previous == Rating.GREEN ? AMBER_WAS_GREEN : AMBER;
            case GREEN -> previous == Rating.AMBER ? GREEN_WAS_AMBER : GREEN;
            case ACHIEVED -> ACHIEVED;
            case ENDED -> ENDED;
            case NOT_AVAILABLE, NOT_DUE, NO_TARGET -> NO_STATUS;
        };
    }

    /**
     * Last quarter's status: as last quarter's report recorded it, else as this report states it
     * for last quarter (a statement about an earlier quarter says nothing of the last one).
     */
    public static Rating previousRating(CommitmentRow row, FiscalQuarter period) {
        if (row.recordedPreviousRating() != null) {
            return row.recordedPreviousRating();
        }
        boolean aboutLastQuarter = row.statedPreviousPeriod() != null
                && FiscalQuarter.parse(row.statedPreviousPeriod()).equals(period.previous());
        return aboutLastQuarter ? row.statedPreviousRating() : null;
    }

    /** Every section, in report order, with the commitments in it (empty sections included). */
    public static List<CommitmentGroup> group(List<CommitmentRow> rows, FiscalQuarter period) {
        Map<CommitmentSection, List<CommitmentRow>> in = new EnumMap<>(CommitmentSection.class);
        for (CommitmentSection s : values()) {
            in.put(s, new ArrayList<>());
        }
        rows.forEach(r -> in.get(of(r, period)).add(r));
        List<CommitmentGroup> groups = new ArrayList<>();
        in.forEach((s, items) -> groups.add(new CommitmentGroup(s, List.copyOf(items))));
        return groups;
    }
}
