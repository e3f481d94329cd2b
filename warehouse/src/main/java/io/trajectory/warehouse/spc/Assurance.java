package io.trajectory.warehouse.spc;

/**
 * Whether the process, as its limits describe it, will meet the target: the "assurance" icon of
 * Making Data Count. Meeting the target exactly counts as passing.
 */
public enum Assurance {
    /** The target lies outside the limits on the failing side: every figure the process normally gives passes. */
    CONSISTENTLY_PASSING,
    /** The target lies outside the limits on the passing side: no figure the process normally gives passes. */
    CONSISTENTLY_FAILING,
    /** The target lies between the limits: the process will sometimes pass and sometimes fail. */
    HIT_AND_MISS
}
