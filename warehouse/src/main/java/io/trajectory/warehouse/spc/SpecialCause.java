package io.trajectory.warehouse.spc;

/**
 * The signals of special-cause variation on an XmR chart, as NHS England's "Making Data Count"
 * reads them. The lengths of {@link #SHIFT} and {@link #TREND} are {@link SpcRules settings}.
 */
public enum SpecialCause {
    /** A figure above the upper or below the lower process limit. */
    OUTSIDE_LIMITS,
    /** Two of three figures in a row beyond two sigma from the mean, on the same side. */
    TWO_OF_THREE,
    /** A run of figures (7 by default) all above or all below the mean; one on the mean ends it. */
    SHIFT,
    /** A run of figures (6 by default) each higher than the last, or each lower; an equal one ends it. */
    TREND
}
