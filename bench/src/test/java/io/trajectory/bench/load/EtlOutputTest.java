package io.trajectory.bench.load;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EtlOutputTest {

    /** What {@code etl} prints (Progress and EtlCommand's summary), abridged. */
    private static final List<String> FULL_LOAD = List.of(
            "[   0.0s] scan        landing zone /tmp/landing",
            "                     40 quarterly return(s), 0 folder(s) that are not quarters",
            "[   1.5s] definitions definitions/indicators.csv, definitions/trajectories.csv",
            "[   6.1s] spark       start Spark (local[*])",
            "06:18:18 WARN TaskSetManager: Stage 1 contains a task of very large size (1049 KiB).",
            "[  21.3s] returns     read and validate 40 return file(s)",
            "                     returns/2008-09-Q1/indicators.csv               105,000 rows read,   105,000 loaded,      0 quarantined",
            "[ 192.5s] lake        write batch b000001 to /tmp/data/lake",
            "[ 233.4s] publish     build a DuckDB snapshot from the lake",
            "                     publish: building snapshot v1 from 1 lake batch(es)",
            "                     publish: 00_macros (33 ms)",
            "                     publish: 04_facts (53444 ms)",
            "                     publish: snapshot v1 is current (/tmp/data/snapshots/warehouse-v000001.duckdb)",
            "",
            "Summary",
            "  returns loaded      40 (0 unchanged)",
            "  rows read           4,220,458",
            "  rows loaded         4,220,450",
            "  rows quarantined    8  (all kept in meta_quarantine with file, line, column and reason)",
            "  lake batch          b000001",
            "  snapshot            v1 published, 4,220,450 facts, latest quarter 2017/18 Q4",
            "                      /tmp/data/snapshots/warehouse-v000001.duckdb",
            "  took                300.2 s");

    @Test
    void readsStagesStepsAndSummary() {
        EtlOutput out = EtlOutput.parse(FULL_LOAD);

        assertThat(out.stages()).extracting(EtlOutput.Stage::name)
                .containsExactly("scan", "definitions", "spark", "returns", "lake", "publish");
        assertThat(out.stageSeconds("returns")).isCloseTo(171.2, within(1e-9));
        assertThat(out.stageSeconds("publish")).as("the last stage runs to 'took'").isCloseTo(66.8, within(1e-9));
        assertThat(out.stageSeconds("absent")).isNaN();
        assertThat(out.publishSteps()).containsExactly(new EtlOutput.Step("00_macros", 33),
                new EtlOutput.Step("04_facts", 53444));
        assertThat(out.rowsRead()).isEqualTo(4_220_458);
        assertThat(out.rowsLoaded()).isEqualTo(4_220_450);
        assertThat(out.rowsQuarantined()).isEqualTo(8);
        assertThat(out.tookSeconds()).isEqualTo(300.2);
        assertThat(out.published()).isTrue();
    }

    @Test
    void aNoOpLoadHasNoRowsAndPublishesNothing() {
        EtlOutput out = EtlOutput.parse(List.of(
                "[   0.0s] scan        landing zone /tmp/landing",
                "                     nothing new: the lake already holds every file in the landing zone",
                "[   0.9s] publish     build a DuckDB snapshot from the lake",
                "                     publish: nothing changed since snapshot v2",
                "  rows read           0",
                "  snapshot            v2 unchanged, 4,325,990 facts, latest quarter 2018/19 Q1",
                "  took                1.1 s"));

        assertThat(out.stages()).extracting(EtlOutput.Stage::name).containsExactly("scan", "publish");
        assertThat(out.rowsRead()).isZero();
        assertThat(out.published()).isFalse();
        assertThat(EtlOutput.isStageLine("[   0.9s] publish     build a DuckDB snapshot from the lake")).isTrue();
        assertThat(EtlOutput.isStageLine("                     publish: nothing changed since snapshot v2")).isFalse();
    }

    @Test
    void procStatusLinesGiveKilobytes() {
        assertThat(ProcessStats.kilobytes("VmHWM:\t  5211324 kB").getAsLong()).isEqualTo(5_211_324);
        assertThat(ProcessStats.kilobytes("VmRSS:  nonsense")).isEmpty();
    }
}
