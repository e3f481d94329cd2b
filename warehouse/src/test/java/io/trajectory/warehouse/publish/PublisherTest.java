package io.trajectory.warehouse.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trajectory.warehouse.snapshot.Snapshot;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Publisher} end to end without Spark: a tiny lake written by {@link LakeFixture} (see
 * {@link LakeFixture#commitSampleLoad()} for what it holds), published into real DuckDB snapshots.
 * Versions, fingerprints, later loads and failures; {@link PublishedSampleTest} checks the contents.
 */
class PublisherTest {

    private static final PublishOptions DEFAULTS = PublishOptions.defaults();
    private static final PublishOptions PROVISIONAL = new PublishOptions(true, false, 5);
    private static final PublishOptions FORCE = new PublishOptions(false, true, 5);

    @TempDir
    Path dir;

    private LakeFixture lake;
    private SnapshotStore store;
    private final List<String> progress = new ArrayList<>();
    private Publisher publisher;

    @BeforeEach
    void setUp() {
        lake = new LakeFixture(dir.resolve("lake"));
        store = SnapshotStore.at(dir.resolve("data"));
        publisher = new Publisher(progress::add);
    }

    // --- the first snapshot -----------------------------------------------------------------

    @Test
    void publish_ofAFreshLakeMakesVersionOneCurrentAndSummarisesIt() throws SQLException {
        lake.commitSampleLoad();

        PublishResult result = publisher.publish(lake.lake(), store, DEFAULTS);

        assertThat(result.changed()).isTrue();
        assertThat(result.snapshot().version()).isEqualTo(1);
        assertThat(store.current()).contains(result.snapshot());
        assertThat(result.factRows()).isEqualTo(8);
        assertThat(result.quarantineRows()).isEqualTo(4);
        assertThat(result.latestPeriod()).isEqualTo("2007/08 Q2");
        assertThat(result.took()).isPositive();
        assertThat(progress).anySatisfy(m -> assertThat(m).contains("snapshot v1 is current"));
        assertThat(dir.resolve("data/snapshots")).isDirectoryNotContaining("glob:**.partial*");
    }

    @Test
    void publish_withinAMemoryLimitAndOneThreadBuildsTheSameSnapshot() throws SQLException {
        lake.commitSampleLoad();
        Snapshot unbounded = publisher.publish(lake.lake(), store, DEFAULTS).snapshot();
        Snapshot bounded = publisher.publish(lake.lake(), SnapshotStore.at(dir.resolve("bounded")),
                new PublishOptions(false, false, 5, "64MB", 1)).snapshot();

        for (String table : List.of("fact_indicator_return", "fact_trajectory", "mart_indicator_quarter", "agg_theme_rating")) {
            String sql = "select * from " + table + " order by all";
            assertThat(rows(bounded, sql)).as(table).isEqualTo(rows(unbounded, sql));
        }
        assertThatThrownBy(() -> new PublishOptions(false, false, 5, "1GB", -1)).hasMessageContaining("publish threads");
    }

    // --- revisions --------------------------------------------------------------------------
    @Test
    void publish_ordersRevisionsOfAReDeliveredReturnByLoad() throws SQLException {
        lake.commitSampleLoad();
        LakeFixture.BatchWriter corrected = LakeFixture.sampleDefinitions(lake.batch());
        corrected.returned(20072, true, "sha-q2-corrected")
                .figure(20072, "NI-1", 20072, "", 120.0, "GREEN")
                .figure(20072, "NI-1", 20071, "", 112.0, "GREEN")
                .figure(20072, "NI-2", 20072, "", 46.0, "GREEN")
                .figure(20072, "NI-3", 20072, "", null, null)
                .commit();

        Snapshot v1 = publisher.publish(lake.lake(), store, DEFAULTS).snapshot();

        assertThat(rows(v1, """
                select revision || ' ' || actual || ' ' || batch_id || ' ' || is_latest from fact_indicator_return
                where indicator_ref = 'NI-2' and period_key = 20072 order by revision"""))
                .containsExactly("1 45.0 b000001 false", "2 46.0 b000002 true");
        assertThat(rows(v1, "select loads || ' ' || batch_id from meta_return where return_period_key = 20072"))
                .containsExactly("2 b000002");
    }

    // --- fingerprint, force and versions ----------------------------------------------------

    @Test
    void publish_again_withNothingChangedKeepsTheCurrentSnapshot() throws SQLException {
        lake.commitSampleLoad();
        Snapshot v1 = publisher.publish(lake.lake(), store, DEFAULTS).snapshot();

        PublishResult again = publisher.publish(lake.lake(), store, DEFAULTS);

        assertThat(again.changed()).isFalse();
        assertThat(again.snapshot()).isEqualTo(v1);
        assertThat(again.factRows()).isEqualTo(8);
        assertThat(again.latestPeriod()).isEqualTo("2007/08 Q2");
        assertThat(store.current()).contains(v1);
        assertThat(store.all()).containsExactly(v1);
        assertThat(progress).anySatisfy(m -> assertThat(m).contains("nothing changed since snapshot v1"));
    }

    @Test
    void publish_withForceBuildsVersionTwoFromTheSameLake() throws SQLException {
        lake.commitSampleLoad();
        Snapshot v1 = publisher.publish(lake.lake(), store, DEFAULTS).snapshot();

        PublishResult forced = publisher.publish(lake.lake(), store, FORCE);

        assertThat(forced.changed()).isTrue();
        assertThat(forced.snapshot().version()).isEqualTo(2);
        assertThat(store.current()).contains(forced.snapshot());
        assertThat(store.all()).extracting(Snapshot::version).containsExactly(1, 2);
        assertThat(v1.file()).exists();
        assertThat(rows(forced.snapshot(), "select snapshot_version from meta_refresh")).containsExactly("2");
        assertThat(forced.factRows()).isEqualTo(8);
    }

    @Test
    void publish_afterANewCommittedBatchBuildsANewVersionWithIt() throws SQLException {
        lake.commitSampleLoad();
        publisher.publish(lake.lake(), store, DEFAULTS);
        // The Q3 return is signed off and loaded again, unchanged.
        LakeFixture.sampleDefinitions(lake.batch()).definitionsSha("defs-1")
                .returned(20073, true, "sha-q3")
                .figure(20073, "NI-1", 20073, "", 130.0, "AMBER")
                .figure(20073, "NI-2", 20073, "", 44.0, "GREEN")
                .commit();

        PublishResult result = publisher.publish(lake.lake(), store, DEFAULTS);

        assertThat(result.changed()).isTrue();
        assertThat(result.snapshot().version()).isEqualTo(2);
        assertThat(result.factRows()).isEqualTo(10);
        assertThat(result.latestPeriod()).isEqualTo("2007/08 Q3");
        assertThat(rows(result.snapshot(), "select batches from meta_refresh")).containsExactly("b000001,b000002");
        assertThat(rows(result.snapshot(), """
                select distinct batch_id || ' ' || is_provisional from fact_indicator_return
                where return_period_key = 20073""")).containsExactly("b000002 false");
        assertThat(rows(result.snapshot(), """
                select loads || ' ' || batch_id || ' ' || is_published from meta_return
                where return_period_key = 20073""")).containsExactly("1 b000002 true");
    }

    @Test
    void publish_rebuildsWhenTheCurrentSnapshotCannotBeRead() throws SQLException, IOException {
        lake.commitSampleLoad();
        Snapshot v1 = publisher.publish(lake.lake(), store, DEFAULTS).snapshot();
        Files.writeString(v1.file(), "overwritten by accident");

        PublishResult result = publisher.publish(lake.lake(), store, DEFAULTS);

        assertThat(result.changed()).isTrue();
        assertThat(result.snapshot().version()).isEqualTo(2);
        assertThat(result.factRows()).isEqualTo(8);
    }

    @Test
    void publish_withDifferentOptionsIsAChange() throws SQLException {
        lake.commitSampleLoad();
        publisher.publish(lake.lake(), store, DEFAULTS);

        PublishResult provisional = publisher.publish(lake.lake(), store, PROVISIONAL);

        assertThat(provisional.changed()).isTrue();
        assertThat(provisional.snapshot().version()).isEqualTo(2);
        assertThat(publisher.publish(lake.lake(), store, PROVISIONAL).changed()).isFalse();
    }

    @Test
    void publish_ignoresABatchThatNeverCommitted() throws SQLException, IOException {
        lake.commitSampleLoad();
        LakeFixture.BatchWriter killed = LakeFixture.sampleDefinitions(lake.batch())
                .returned(20073, true, "sha-q3")
                .figure(20073, "NI-1", 20073, "", 999.0, "RED")
                .write();
        // A load killed mid-write can also leave files that are not Parquet at all.
        Files.writeString(lake.lake().tableDir("meta_return", killed.id()).resolve("part-00001-half.parquet"), "PAR1 half");

        Snapshot v1 = publisher.publish(lake.lake(), store, DEFAULTS).snapshot();

        assertThat(rows(v1, "select batches from meta_refresh")).containsExactly("b000001");
        assertThat(scalar(v1, "select count(*) from fact_indicator_return where actual = 999")).isZero();
        assertThat(rows(v1, "select is_published from meta_return where return_period_key = 20073"))
                .containsExactly("false");
    }

    @Test
    void publish_prunesOldSnapshotsKeepingTheConfiguredNumber() throws SQLException {
        lake.commitSampleLoad();
        PublishOptions forceKeepTwo = new PublishOptions(false, true, 2);

        for (int i = 0; i < 4; i++) {
            publisher.publish(lake.lake(), store, forceKeepTwo);
        }

        assertThat(store.all()).extracting(Snapshot::version).containsExactly(3, 4);
        assertThat(store.current()).map(Snapshot::version).contains(4);
    }

    @Test
    void publish_removesAPartialFileLeftByAKilledPublish() throws SQLException, IOException {
        lake.commitSampleLoad();
        Snapshot v1 = publisher.publish(lake.lake(), store, DEFAULTS).snapshot();
        Path killed = store.stagingFile(2);
        Files.writeString(killed, "half a snapshot");
        Files.writeString(Path.of(killed + ".wal"), "half a log");

        PublishResult unchanged = publisher.publish(lake.lake(), store, DEFAULTS);

        assertThat(unchanged.snapshot()).isEqualTo(v1);
        assertThat(killed).doesNotExist();
        assertThat(Path.of(killed + ".wal")).doesNotExist();
    }

    // --- failure ----------------------------------------------------------------------------

    @Test
    void publish_ofABrokenLakeThrowsAndLeavesTheCurrentSnapshotServing() throws SQLException, IOException {
        lake.commitSampleLoad();
        Snapshot v1 = publisher.publish(lake.lake(), store, DEFAULTS).snapshot();
        // The next load commits a batch with a register file that is not Parquet.
        LakeFixture.BatchWriter broken = LakeFixture.sampleDefinitions(lake.batch()).definitionsSha("defs-2").write();
        Files.writeString(lake.lake().tableDir("dim_indicator", broken.id()).resolve("part-00000-fixture-c000.snappy.parquet"),
                "this is not a parquet file");
        broken.commitMarker();

        assertThatThrownBy(() -> publisher.publish(lake.lake(), store, DEFAULTS))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("02_stage_lake.sql");

        assertThat(store.current()).contains(v1);
        assertThat(store.all()).containsExactly(v1);
        assertThat(snapshotFiles()).containsExactly("warehouse-v000001.duckdb");
        assertThat(rows(v1, "select count(*) from fact_indicator_return")).containsExactly("8");
        assertThat(store.nextVersion()).isEqualTo(2);
    }

    @Test
    void publish_withForceOverACorruptedFactFileThrowsAndKeepsVersionOne() throws SQLException, IOException {
        lake.commitSampleLoad();
        Snapshot v1 = publisher.publish(lake.lake(), store, DEFAULTS).snapshot();
        Path facts = lake.lake().tableDir("fact_indicator_return", "b000001").resolve("return_period_key=20072");
        Files.writeString(facts.resolve("part-00000-fixture-c000.snappy.parquet"), "PAR1 then garbage");

        assertThatThrownBy(() -> publisher.publish(lake.lake(), store, FORCE)).isInstanceOf(SQLException.class);

        assertThat(store.current()).contains(v1);
        assertThat(snapshotFiles()).containsExactly("warehouse-v000001.duckdb");
        assertThat(rows(v1, "select snapshot_version from meta_refresh")).containsExactly("1");
    }

    @Test
    void publish_ofALakeWithNoCommittedBatchThrowsNamingTheLake() {
        assertThatThrownBy(() -> publisher.publish(lake.lake(), store, DEFAULTS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(lake.lake().root().toString())
                .hasMessageContaining("no committed loads");
        assertThat(store.current()).isEmpty();
    }

    @Test
    void publish_ofALakeWithDefinitionsButNoReturnsYetSaysWhatIsMissing() {
        LakeFixture.sampleDefinitions(lake.batch()).commit();

        assertThatThrownBy(() -> publisher.publish(lake.lake(), store, DEFAULTS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no quarterly return has been loaded")
                .hasMessageContaining("returns/<quarter>/indicators.csv");
        assertThat(store.current()).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------

    private List<String> snapshotFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("data/snapshots"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static long count(Snapshot s, String table) throws SQLException {
        return scalar(s, "select count(*) from " + table);
    }

    static long scalar(Snapshot s, String sql) throws SQLException {
        return Long.parseLong(rows(s, sql).get(0));
    }

    /** Each row's columns joined with '|'. */
    static List<String> rows(Snapshot s, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(s.readOnlyUrl())) {
            return rows(c, sql);
        }
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
