package io.trajectory.etl.job;

import java.nio.file.Path;
import java.util.Map;

/**
 * @param landing            the landing-zone folder
 * @param dataDir            where the lake and snapshots live
 * @param master             Spark master URL: local[*] by default, spark://host:port for a cluster
 * @param sparkConf          extra Spark settings (--conf key=value)
 * @param shufflePartitions  spark.sql.shuffle.partitions for the validation shuffles
 * @param rewardShare        share of the stretch improvement that earns the reward (0.60)
 * @param includeProvisional publish quarters that are not signed off, marked provisional
 * @param force              publish a new snapshot even if nothing changed
 * @param keepSnapshots      complete snapshots kept on disk
 * @param publishMemory      DuckDB's memory limit while publishing (e.g. 2GB); null = DuckDB's default
 * @param publishThreads     DuckDB's threads while publishing; 0 = DuckDB's default
 */
public record LoadOptions(Path landing, Path dataDir, String master, Map<String, String> sparkConf,
                          int shufflePartitions, double rewardShare, boolean includeProvisional, boolean force,
                          int keepSnapshots, String publishMemory, int publishThreads) {

    /** Publishing with DuckDB's own memory limit and threads. */
    public LoadOptions(Path landing, Path dataDir, String master, Map<String, String> sparkConf, int shufflePartitions,
                       double rewardShare, boolean includeProvisional, boolean force, int keepSnapshots) {
        this(landing, dataDir, master, sparkConf, shufflePartitions, rewardShare, includeProvisional, force,
                keepSnapshots, null, 0);
    }

    public Path lakeDir() {
        return dataDir.resolve("lake");
    }
}
