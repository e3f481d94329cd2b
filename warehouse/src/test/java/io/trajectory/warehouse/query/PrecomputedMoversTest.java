package io.trajectory.warehouse.query;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.publish.LakeFixture;
import io.trajectory.warehouse.publish.PublishOptions;
import io.trajectory.warehouse.publish.PublishResult;
import io.trajectory.warehouse.publish.Publisher;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The movers of consecutive quarters and of a quarter against the same quarter last year are read
 * from agg_indicator_mover, built at publish; they must be exactly what joining the two quarters
 * of the mart gives (comparison_movers.sql): the same rows in the same order, the same total, for
 * both bases, every area and all areas together, with and without a limit. The lake has
 * references whose text order is not their natural order, two themes, three areas, ratings drawn
 * at random (seeded) and restated figures, so the two bases differ.
 */
class PrecomputedMoversTest {

    static final FiscalQuarter FIRST = FiscalQuarter.of(2007, 1);
    static final FiscalQuarter LAST = FiscalQuarter.of(2009, 2);
    static final List<String> REFS = List.of("LAA 1.10", "LAA 1.2", "LAA 1.1", "NI 12", "NI 5");
    static final List<String> AREAS = List.of("", "NORTH", "SOUTH");
    static final String[] RATINGS = {"GREEN", "AMBER", "RED", null};

    @TempDir
    static Path dir;

    private static Connection db;
    private static final List<Integer> AREA_KEYS = new ArrayList<>();

    @BeforeAll
    static void publish() throws SQLException {
        LakeFixture lake = new LakeFixture(dir.resolve("lake"));
        LakeFixture.BatchWriter b = lake.batch();
        for (String ref : REFS) {
            b.indicator(ref, "Title of " + ref, ref.startsWith("NI") ? "Safer" : "Children", "HIGHER_IS_BETTER", 100.0,
                    200.0, ref.startsWith("NI") ? "A. Officer" : "B. Officer");
        }
        b.area("NORTH", "North District", null, "district").area("SOUTH", "South District", null, "district");
        Random random = new Random(20081);
        for (FiscalQuarter q = FIRST; !q.isAfter(LAST); q = q.next()) {
            int key = q.key();
            b.returned(key, true, "sha-" + key);
            for (String ref : REFS) {
                for (String area : AREAS) {
                    if (random.nextInt(10) > 0) { // now and then a figure is missing
                        b.figure(key, ref, key, area, 100.0 + random.nextInt(100), RATINGS[random.nextInt(RATINGS.length)]);
                    }
                }
            }
            if (q.isAfter(FIRST)) { // a later return restates one figure of the quarter before
                String ref = REFS.get(random.nextInt(REFS.size()));
                b.figure(key, ref, q.previous().key(), AREAS.get(random.nextInt(AREAS.size())), 150.0,
                        RATINGS[random.nextInt(3)]);
            }
        }
        b.commit();
        PublishResult published = new Publisher(m -> { })
                .publish(lake.lake(), SnapshotStore.at(dir.resolve("data")), PublishOptions.defaults());
        db = DriverManager.getConnection(published.snapshot().readOnlyUrl());
        new CatalogueQuery().areas(db).forEach(a -> AREA_KEYS.add(a.key()));
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    private static List<Map<String, Object>> rows(String file, Map<String, Object> params) throws SQLException {
        return QuerySql.list(db, file, params, rs -> {
            ResultSetMetaData md = rs.getMetaData();
            Map<String, Object> row = new HashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.put(md.getColumnLabel(i), rs.getObject(i));
            }
            return row;
        });
    }

    @Test
    void precomputedMoversAreTheMoversOfTheTwoQuartersJoined() throws SQLException {
        List<Integer> areaChoices = new ArrayList<>(AREA_KEYS);
        areaChoices.add(null);
        int compared = 0;
        long moved = 0;
        for (Basis basis : Basis.values()) {
            for (FiscalQuarter from = FIRST; !from.isAfter(LAST); from = from.next()) {
                for (int apart : new int[] {1, 4}) {
                    FiscalQuarter to = from.plusQuarters(apart);
                    if (to.isAfter(LAST)) {
                        continue;
                    }
                    for (Integer area : areaChoices) {
                        for (long limit : new long[] {Long.MAX_VALUE, 3}) {
                            Map<String, Object> params = new HashMap<>();
                            params.put("subject", "indicators");
                            params.put("basis", basis.code());
                            params.put("from_key", from.key());
                            params.put("to_key", to.key());
                            params.put("area_key", area);
                            params.put("movers_limit", limit);
                            List<Map<String, Object>> joined = rows("comparison_movers.sql", params);
                            List<Map<String, Object>> precomputed = rows("comparison_movers_precomputed.sql", params);
                            assertThat(precomputed).as("%s %s to %s, area %s, limit %d", basis, from, to, area, limit)
                                    .isEqualTo(joined);
                            compared++;
                            if (limit == Long.MAX_VALUE) {
                                moved += joined.size();
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(2 * (9 + 6) * 4 * 2);
        assertThat(moved).as("the comparison has movers to compare").isGreaterThan(200);
    }

    @Test
    void theComparisonListsThePrecomputedMoversInNaturalOrder() throws SQLException {
        Comparison c = new ComparisonQuery().compare(db, FIRST, FIRST.next(), Subject.INDICATORS,
                Basis.LATEST, null, 1000);
        assertThat(c.movers()).isNotEmpty();
        assertThat(c.moversTotal()).isEqualTo(c.movers().size());
        List<String> order = c.movers().stream().map(m -> m.theme() + " " + m.ref()).distinct().toList();
        List<String> expected = new ArrayList<>();
        for (String theme : List.of("Children", "Safer")) {
            for (String ref : List.of("LAA 1.1", "LAA 1.2", "LAA 1.10", "NI 5", "NI 12")) {
                if (order.contains(theme + " " + ref)) {
                    expected.add(theme + " " + ref);
                }
            }
        }
        assertThat(order).isEqualTo(expected);
    }
}
