package io.trajectory.etl.definitions;

import io.trajectory.etl.validate.Problem;

/** A problem found in a landing-zone file, bound for {@code meta_quarantine}. */
public record Quarantined(String sourceFile, Long line, String column, String reason, String rawValue, String rawLine,
                          Integer returnPeriodKey) {

    public static Quarantined of(String file, long line, Problem p, String rawLine, Integer returnPeriodKey) {
        return new Quarantined(file, line, p.column(), p.reason(), p.rawValue(), rawLine, returnPeriodKey);
    }
}
