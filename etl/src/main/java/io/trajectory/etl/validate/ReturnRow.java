package io.trajectory.etl.validate;

import java.util.List;

/**
 * One row of a return's {@code indicators.csv}, read cell by cell. Cells that failed to parse
 * are null and described in {@code problems}; cross-row checks (unknown indicator, duplicates)
 * happen later in Spark.
 */
public record ReturnRow(String sourceFile, Integer returnPeriodKey, long line, String rawLine,
                        String indicatorRef, String periodText, Integer periodKey, String area,
                        Double actual, String rag, String trend, String dataStatus, String comment,
                        String reportedBy, List<Problem> problems) {
}
