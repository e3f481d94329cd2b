package io.trajectory.warehouse.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Lake} and {@link Batch} on a real folder. */
class LakeTest {

    @TempDir
    Path root;

    @Test
    void emptyLake_hasNoBatchesAndStartsAtB000001() {
        Lake lake = Lake.at(root.resolve("not-there-yet"));

        assertThat(lake.committedBatches()).isEmpty();
        assertThat(lake.latestBatch()).isEmpty();
        assertThat(lake.nextBatchId()).isEqualTo("b000001");
        assertThat(lake.removeUncommitted()).isEmpty();
    }

    @Test
    void tableDir_isTheTableFolderWithABatchPartition() {
        Lake lake = Lake.at(root);

        assertThat(lake.tableDir("fact_indicator_return", "b000004"))
                .isEqualTo(root.toAbsolutePath().resolve("fact_indicator_return/batch_id=b000004"));
    }

    @Test
    void nextBatchId_countsUpAsBatchesCommit() {
        Lake lake = Lake.at(root);

        for (String expected : List.of("b000001", "b000002", "b000003")) {
            String id = lake.nextBatchId();
            assertThat(id).isEqualTo(expected);
            lake.commit(batch(id, "defs-" + id));
        }
        assertThat(lake.nextBatchId()).isEqualTo("b000004");
    }

    @Test
    void commit_writesTheMarkerAtomicallyWithNoTemporaryFileLeft() throws IOException {
        Lake lake = Lake.at(root);

        lake.commit(batch("b000001", "abc"));

        try (var files = Files.list(root.resolve("_batches"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("b000001.committed");
        }
    }

    @Test
    void committedBatches_readBackEachBatchsProperties() {
        Lake lake = Lake.at(root);
        Properties p = new Properties();
        p.setProperty(Batch.DEFINITIONS_SHA, "d3f");
        p.setProperty(Batch.COMMITTED_AT, "2008-10-23T10:00:00Z");
        p.setProperty(Batch.returnShaKey(20072), "sha-q2");
        p.setProperty(Batch.returnShaKey(20064), "sha-q4");
        p.setProperty(Batch.returnShaKey(20071), "sha-q1");
        lake.commit(new Batch("b000001", p));

        Batch read = lake.committedBatches().get(0);

        assertThat(read.id()).isEqualTo("b000001");
        assertThat(read.sequence()).isEqualTo(1);
        assertThat(read.definitionsSha()).contains("d3f");
        assertThat(read.properties().getProperty(Batch.COMMITTED_AT)).isEqualTo("2008-10-23T10:00:00Z");
        assertThat(read.returnShas()).containsExactly(
                Map.entry(20064, "sha-q4"), Map.entry(20071, "sha-q1"), Map.entry(20072, "sha-q2"));
    }

    @Test
    void committedBatches_areInLoadOrderWhateverTheOrderTheyCommittedIn() {
        Lake lake = Lake.at(root);
        lake.commit(batch("b000010", "c"));
        lake.commit(batch("b000002", "b"));
        lake.commit(batch("b000009", "a"));

        assertThat(lake.committedBatches()).extracting(Batch::id).containsExactly("b000002", "b000009", "b000010");
        assertThat(lake.latestBatch()).map(Batch::id).contains("b000010");
        assertThat(lake.nextBatchId()).isEqualTo("b000011");
    }

    @Test
    void committedBatches_ignoreAMarkerThatWasNeverRenamedIntoPlace() throws IOException {
        Lake lake = Lake.at(root);
        lake.commit(batch("b000001", "a"));
        Files.writeString(root.resolve("_batches/b000002.committed.tmp"), "definitions.sha256=half\n");

        assertThat(lake.committedBatches()).extracting(Batch::id).containsExactly("b000001");
    }

    @Test
    void removeUncommitted_deletesPartitionsWithoutAMarkerAndKeepsCommittedOnes() throws IOException {
        Lake lake = Lake.at(root);
        Path committedDefs = part(lake.tableDir("dim_indicator", "b000001"));
        Path committedFacts = part(lake.tableDir("fact_indicator_return", "b000001").resolve("return_period_key=20071"));
        lake.commit(batch("b000001", "a"));
        Path killedDefs = part(lake.tableDir("dim_indicator", "b000002"));
        Path killedFacts = part(lake.tableDir("fact_indicator_return", "b000002").resolve("return_period_key=20072"));
        Path killedMeta = part(lake.tableDir("meta_return", "b000002"));

        List<Path> removed = lake.removeUncommitted();

        assertThat(removed).containsExactlyInAnyOrder(
                lake.tableDir("dim_indicator", "b000002"),
                lake.tableDir("fact_indicator_return", "b000002"),
                lake.tableDir("meta_return", "b000002"));
        assertThat(killedDefs).doesNotExist();
        assertThat(killedFacts).doesNotExist();
        assertThat(killedMeta).doesNotExist();
        assertThat(lake.tableDir("fact_indicator_return", "b000002")).doesNotExist();
        assertThat(committedDefs).exists();
        assertThat(committedFacts).exists();
        assertThat(lake.committedBatches()).extracting(Batch::id).containsExactly("b000001");
    }

    @Test
    void removeUncommitted_deletesSparkTemporaryFolders() throws IOException {
        Lake lake = Lake.at(root);
        part(lake.tableDir("meta_quarantine", "b000001"));
        lake.commit(batch("b000001", "a"));
        Path temporary = root.resolve("meta_quarantine/_temporary");
        part(temporary.resolve("0/task_1"));

        assertThat(lake.removeUncommitted()).containsExactly(temporary.toAbsolutePath());
        assertThat(temporary).doesNotExist();
        assertThat(lake.tableDir("meta_quarantine", "b000001")).exists();
    }

    @Test
    void removeUncommitted_leavesFoldersThatAreNotLakeTablesAlone() throws IOException {
        Lake lake = Lake.at(root);
        Path elsewhere = part(root.resolve("scratch/batch_id=b000007"));

        assertThat(lake.removeUncommitted()).isEmpty();
        assertThat(elsewhere).exists();
    }

    @Test
    void nextBatchId_skipsPastUncommittedLeftoversRatherThanReuseTheirFolder() throws IOException {
        Lake lake = Lake.at(root);
        part(lake.tableDir("dim_indicator", "b000001"));
        lake.commit(batch("b000001", "a"));
        part(lake.tableDir("fact_indicator_return", "b000003").resolve("return_period_key=20071"));

        assertThat(lake.nextBatchId()).isEqualTo("b000004");
    }

    @Test
    void nextBatchId_afterTidyingLeftoversFollowsTheLastCommittedBatch() throws IOException {
        Lake lake = Lake.at(root);
        lake.commit(batch("b000001", "a"));
        part(lake.tableDir("meta_source_file", "b000002"));

        lake.removeUncommitted();

        assertThat(lake.nextBatchId()).isEqualTo("b000002");
    }

    @Test
    void batch_returnShasIgnoreOtherPropertiesAndAreEmptyWithoutReturns() {
        Properties p = new Properties();
        p.setProperty(Batch.DEFINITIONS_SHA, "d");
        p.setProperty(Batch.COMMITTED_AT, "now");
        Batch b = new Batch("b000005", p);

        assertThat(b.returnShas()).isEmpty();
        assertThat(b.sequence()).isEqualTo(5);
        assertThat(new Batch("b000006", new Properties()).definitionsSha()).isEmpty();
        assertThat(Batch.returnShaKey(20071)).isEqualTo("return.20071.sha256");
    }

    private static Batch batch(String id, String definitionsSha) {
        Properties p = new Properties();
        p.setProperty(Batch.DEFINITIONS_SHA, definitionsSha);
        return new Batch(id, p);
    }

    /** A stand-in Parquet part file in {@code dir}. */
    private static Path part(Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("part-00000.parquet"), "PAR1");
    }
}
