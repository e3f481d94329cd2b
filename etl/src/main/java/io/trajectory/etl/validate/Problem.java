package io.trajectory.etl.validate;

import java.io.Serializable;

/** Why a row was quarantined: the column at fault (null for the whole row) and its raw value. */
public record Problem(String column, String reason, String rawValue) implements Serializable {

    public static Problem of(String column, String reason, String rawValue) {
        return new Problem(column, reason, rawValue);
    }
}
