package io.trajectory.warehouse.spc;

/** What an XmR chart says about a figure: special cause in the better or worse direction, or common cause only. */
public enum Variation {
    /** Special cause, in the direction the indicator's polarity calls better. */
    IMPROVING,
    /** Special cause, in the direction the indicator's polarity calls worse. */
    CONCERNING,
    /** Only common-cause variation: the figure is within what the process normally does. */
    COMMON
}
