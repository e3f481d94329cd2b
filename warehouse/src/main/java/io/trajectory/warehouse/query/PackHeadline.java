package io.trajectory.warehouse.query;

/**
 * The figures the quarterly report's summary states, in its order: the indicators in operation
 * (those counted: with data or not available) and how many are Green, Amber, Red and Achieved;
 * those with no data; the further ones whose baselines and targets are yet to be set (left out of
 * the counts) and those that have ended; how the Red ones are trending; and how many of all the
 * indicators are recorded as worsening. Trends are the ones the officers recorded in the return.
 *
 * @param inOperation  the indicators counted: with data or not available
 * @param allIndicators what "all the indicators" means under the share rule (the denominator of
 *                     {@code worsening}): the counted, or also those with no target yet
 * @param redImproving of the Red ones, those recorded as improving, as a share of the Red
 * @param redNoChange  of the Red ones, those recorded as not changing, as a share of the Red
 * @param worsening    those recorded as worsening, as a share of all the indicators
 * @param notDue       annual indicators with no figure in a quarter they are not due (left out of the counts)
 */
public record PackHeadline(long inOperation, long allIndicators, PackCount green, PackCount amber, PackCount red,
        PackCount achieved, PackCount noData, PackCount noTarget, long ended, PackCount redImproving,
        PackCount redNoChange, PackCount worsening, long notDue) {
}
