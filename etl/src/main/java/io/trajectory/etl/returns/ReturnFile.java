package io.trajectory.etl.returns;

import java.io.Serializable;

/**
 * A return's {@code indicators.csv} as handed to a Spark task.
 *
 * @param uri             where executors read it from (file:, hdfs:, ...)
 * @param name            path relative to the landing zone, for messages and lineage
 * @param returnPeriodKey the return's quarter, or null when its folder is not a quarter
 * @param folderProblem   why every row is quarantined (folder not a quarter), or null
 */
public record ReturnFile(String uri, String name, String sha256, Integer returnPeriodKey, String folderProblem)
        implements Serializable {
}
