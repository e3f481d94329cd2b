package io.trajectory.warehouse.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

    @TempDir
    Path data;

    @Test
    void readOnlyUrl_isTheAbsoluteFileWithReadOnlyAccessModeAfterASemicolon() {
        Snapshot s = new Snapshot(7, Path.of("relative/warehouse-v000007.duckdb"));

        assertThat(s.readOnlyUrl())
                .isEqualTo("jdbc:duckdb:" + Path.of("relative/warehouse-v000007.duckdb").toAbsolutePath()
                        + ";access_mode=READ_ONLY");
    }

    @Test
    void readOnlyUrl_opensTheSnapshotForReadingButNotWriting() throws SQLException {
        SnapshotStore store = SnapshotStore.at(data);
        Snapshot snapshot = SnapshotStoreTest.build(store, "published");

        try (Connection c = DriverManager.getConnection(snapshot.readOnlyUrl())) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select text from label")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("published");
            }
            try (Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute("insert into label values ('changed')"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("read-only");
            }
            try (Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute("create table more (x integer)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("read-only");
            }
        }
        try (Connection c = DriverManager.getConnection(snapshot.readOnlyUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*), min(text) from label")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("published");
        }
    }

    @Test
    void readOnlyUrl_opensASnapshotInAFolderWhoseNameHasSpaces() throws SQLException {
        Snapshot snapshot = SnapshotStoreTest.build(SnapshotStore.at(data.resolve("Performance Team/data")), "spaced");

        try (Connection c = DriverManager.getConnection(snapshot.readOnlyUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select text from label")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("spaced");
        }
    }

    @Test
    void readOnlyUrl_letsTwoReadersOpenTheSameSnapshotAtOnce() throws SQLException {
        Snapshot snapshot = SnapshotStoreTest.build(SnapshotStore.at(data), "shared");

        try (Connection a = DriverManager.getConnection(snapshot.readOnlyUrl());
             Connection b = DriverManager.getConnection(snapshot.readOnlyUrl());
             Statement sa = a.createStatement();
             Statement sb = b.createStatement();
             ResultSet ra = sa.executeQuery("select text from label");
             ResultSet rb = sb.executeQuery("select text from label")) {
            assertThat(ra.next()).isTrue();
            assertThat(rb.next()).isTrue();
            assertThat(ra.getString(1)).isEqualTo(rb.getString(1));
        }
    }
}
