package io.trajectory.warehouse.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SnapshotStore} with real DuckDB files in a temporary data folder. */
class SnapshotStoreTest {

    @TempDir
    Path data;

    @Test
    void emptyStore_hasNoCurrentNoSnapshotsAndStartsAtVersionOne() {
        SnapshotStore store = SnapshotStore.at(data.resolve("never-created"));

        assertThat(store.current()).isEmpty();
        assertThat(store.all()).isEmpty();
        assertThat(store.nextVersion()).isEqualTo(1);
        assertThat(store.removePartials()).isEmpty();
        assertThat(store.prune(1)).isEmpty();
    }

    @Test
    void stagingFile_isAHiddenPartialFileInTheSnapshotsFolderThatDoesNotExistYet() {
        SnapshotStore store = SnapshotStore.at(data);

        Path staging = store.stagingFile(1);

        assertThat(staging.getParent()).isEqualTo(data.toAbsolutePath().resolve("snapshots"));
        assertThat(staging.getFileName().toString()).isEqualTo(".warehouse-v000001.duckdb.partial");
        assertThat(staging).doesNotExist();
        assertThat(staging.getParent()).isDirectory();
    }

    @Test
    void stagingFile_deletesALeftoverPartialAndItsWal() throws IOException {
        SnapshotStore store = SnapshotStore.at(data);
        Path leftover = store.stagingFile(3);
        Files.writeString(leftover, "half a database");
        Path wal = Path.of(leftover + ".wal");
        Files.writeString(wal, "half a log");

        Path staging = store.stagingFile(3);

        assertThat(staging).isEqualTo(leftover).doesNotExist();
        assertThat(wal).doesNotExist();
    }

    @Test
    void promote_makesCurrentNameTheCompleteFile() throws Exception {
        SnapshotStore store = SnapshotStore.at(data);

        Snapshot v1 = build(store, "one");

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.file()).isEqualTo(data.toAbsolutePath().resolve("snapshots/warehouse-v000001.duckdb")).isRegularFile();
        assertThat(Files.readString(data.resolve("current"), StandardCharsets.UTF_8).strip())
                .isEqualTo("warehouse-v000001.duckdb");
        assertThat(store.current()).contains(v1);
        assertThat(labelIn(store.current().orElseThrow())).isEqualTo("one");
        assertThat(data.resolve("snapshots")).isDirectoryNotContaining("glob:**.partial");
        assertThat(data.resolve("current.tmp")).doesNotExist();
    }

    @Test
    void promote_ofEachNewVersionMovesCurrentAndNumberingOn() throws Exception {
        SnapshotStore store = SnapshotStore.at(data);

        build(store, "one");
        assertThat(store.nextVersion()).isEqualTo(2);
        Snapshot v2 = build(store, "two");
        Snapshot v3 = build(store, "three");

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v3.version()).isEqualTo(3);
        assertThat(store.nextVersion()).isEqualTo(4);
        assertThat(store.current()).contains(v3);
        assertThat(labelIn(store.current().orElseThrow())).isEqualTo("three");
        assertThat(store.all()).extracting(Snapshot::version).containsExactly(1, 2, 3);
    }

    @Test
    void aLeftoverPartialIsNeverCurrentAndRemovePartialsDeletesItWithItsWal() throws Exception {
        SnapshotStore store = SnapshotStore.at(data);
        Snapshot v1 = build(store, "one");
        Path killed = store.stagingFile(2);
        write(killed, "killed half way");
        Path killedWal = Path.of(killed + ".wal");
        Files.writeString(killedWal, "log");

        assertThat(store.current()).contains(v1);
        assertThat(store.all()).containsExactly(v1);

        List<Path> removed = store.removePartials();

        assertThat(removed).containsExactlyInAnyOrder(killed, killedWal);
        assertThat(killed).doesNotExist();
        assertThat(killedWal).doesNotExist();
        assertThat(v1.file()).exists();
        assertThat(store.current()).contains(v1);
    }

    @Test
    void removePartials_leavesCompleteSnapshotsAndOtherFilesAlone() throws Exception {
        SnapshotStore store = SnapshotStore.at(data);
        Snapshot v1 = build(store, "one");
        Path notes = data.resolve("snapshots/README.partial.txt");
        Files.writeString(notes, "not ours");

        assertThat(store.removePartials()).isEmpty();
        assertThat(v1.file()).exists();
        assertThat(notes).exists();
    }

    @Test
    void current_withAPointerNamingAMissingFileThrowsNamingThePointer() throws Exception {
        SnapshotStore store = SnapshotStore.at(data);
        Snapshot v1 = build(store, "one");
        Files.delete(v1.file());

        assertThatThrownBy(store::current)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(data.toAbsolutePath().resolve("current").toString())
                .hasMessageContaining("warehouse-v000001.duckdb")
                .hasMessageContaining("does not exist");
    }

    @Test
    void current_withGarbageInThePointerThrowsNamingThePointerAndWhatItSaid() throws IOException {
        Files.createDirectories(data);
        Files.writeString(data.resolve("current"), "../../etc/passwd\n");

        assertThatThrownBy(() -> SnapshotStore.at(data).current())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(data.toAbsolutePath().resolve("current").toString())
                .hasMessageContaining("'../../etc/passwd'");
    }

    @Test
    void current_withAnEmptyPointerThrowsRatherThanReportingNoSnapshot() throws IOException {
        Files.writeString(data.resolve("current"), "");

        assertThatThrownBy(() -> SnapshotStore.at(data).current())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("current");
    }

    @Test
    void all_ignoresFilesThatAreNotCompleteSnapshots() throws Exception {
        SnapshotStore store = SnapshotStore.at(data);
        Snapshot v1 = build(store, "one");
        Files.writeString(data.resolve("snapshots/warehouse-v1.duckdb"), "");
        Files.writeString(data.resolve("snapshots/warehouse-v000009.duckdb.wal"), "");
        Files.writeString(data.resolve("snapshots/.warehouse-v000009.duckdb.partial"), "");

        assertThat(store.all()).containsExactly(v1);
        assertThat(store.nextVersion()).isEqualTo(2);
    }

    @Test
    void prune_keepsTheNewestNAndDeletesTheRest() throws Exception {
        SnapshotStore store = SnapshotStore.at(data);
        for (int i = 1; i <= 5; i++) {
            build(store, "v" + i);
        }

        List<Path> removed = store.prune(2);

        assertThat(removed).extracting(p -> p.getFileName().toString())
                .containsExactly("warehouse-v000001.duckdb", "warehouse-v000002.duckdb", "warehouse-v000003.duckdb");
        assertThat(store.all()).extracting(Snapshot::version).containsExactly(4, 5);
        assertThat(store.current()).map(Snapshot::version).contains(5);
    }

    @Test
    void prune_neverDeletesTheCurrentSnapshotEvenWhenItIsOld() throws Exception {
        SnapshotStore store = SnapshotStore.at(data);
        for (int i = 1; i <= 5; i++) {
            build(store, "v" + i);
        }
        // An operator rolled back to v1.
        Files.writeString(data.resolve("current"), "warehouse-v000001.duckdb\n");

        store.prune(2);

        assertThat(store.all()).extracting(Snapshot::version).containsExactly(1, 4, 5);
        assertThat(store.current()).map(Snapshot::version).contains(1);
        assertThat(labelIn(store.current().orElseThrow())).isEqualTo("v1");
    }

    @Test
    void prune_withFewerSnapshotsThanKeepDeletesNothing() throws Exception {
        SnapshotStore store = SnapshotStore.at(data);
        build(store, "v1");
        build(store, "v2");

        assertThat(store.prune(5)).isEmpty();
        assertThat(store.all()).hasSize(2);
    }

    @Test
    void prune_toZeroStillKeepsTheCurrentSnapshot() throws Exception {
        SnapshotStore store = SnapshotStore.at(data);
        build(store, "v1");
        build(store, "v2");

        store.prune(0);

        assertThat(store.all()).extracting(Snapshot::version).containsExactly(2);
        assertThat(store.current()).isPresent();
    }

    @Test
    void nextVersion_continuesAfterPruningOldSnapshots() throws Exception {
        SnapshotStore store = SnapshotStore.at(data);
        build(store, "v1");
        build(store, "v2");
        build(store, "v3");
        store.prune(1);

        assertThat(store.nextVersion()).isEqualTo(4);
    }

    /** Builds and promotes a one-table snapshot the way the publisher does. */
    static Snapshot build(SnapshotStore store, String label) throws SQLException {
        int version = store.nextVersion();
        Path staging = store.stagingFile(version);
        write(staging, label);
        return store.promote(staging, version);
    }

    private static void write(Path file, String label) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement st = c.createStatement()) {
            st.execute("create table label (text varchar)");
            st.execute("insert into label values ('" + label + "')");
            st.execute("checkpoint");
        }
    }

    private static String labelIn(Snapshot snapshot) throws SQLException {
        try (Connection c = DriverManager.getConnection(snapshot.readOnlyUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select text from label")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
