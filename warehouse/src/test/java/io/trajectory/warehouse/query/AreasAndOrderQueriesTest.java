package io.trajectory.warehouse.query;

import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.publish.LakeFixture;
import io.trajectory.warehouse.publish.PublishOptions;
import io.trajectory.warehouse.publish.PublishResult;
import io.trajectory.warehouse.publish.Publisher;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.rating.TrajectoryRatingRule;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import io.trajectory.warehouse.spc.ControlChart;
import io.trajectory.warehouse.spc.SpcRules;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One indicator across an authority and the areas within it, a theme's indicators read as XmR
 * charts in one query, and references in natural order, on a published lake: three Safer
 * indicators numbered so that text order is wrong (LAA 7.10, LAA 7.2, LAA 7.9), the whole
 * authority, two districts at the top level (NORTH with its own plan for LAA 7.2, SOUTH with
 * none), and an authority (AUTH) with a district of its own; six signed-off quarters.
 */
class AreasAndOrderQueriesTest {

    static final FiscalQuarter FIRST = FiscalQuarter.of(2007, 1);
    static final FiscalQuarter LAST = FiscalQuarter.of(2008, 2);

    @TempDir
    static Path dir;

    private static Connection db;
    private static Map<String, Integer> areaKeys;
    private static final TrajectoryGapQuery GAPS = new TrajectoryGapQuery(TrajectoryRatingRule.create(), 4);

    @BeforeAll
    static void publish() throws SQLException {
        LakeFixture lake = new LakeFixture(dir.resolve("lake"));
        LakeFixture.BatchWriter b = lake.batch();
        b.indicator("LAA 7.10", "Ten", "Safer", "HIGHER_IS_BETTER", 100.0, 200.0, "A. Officer")
                .indicator("LAA 7.2", "Two", "Safer", "HIGHER_IS_BETTER", 100.0, 200.0, "A. Officer")
                .indicator("LAA 7.9", "Nine", "Safer", "LOWER_IS_BETTER", 100.0, 50.0, "A. Officer")
                .areaPlan("LAA 7.2", "NORTH", 20064, 50.0, 20084, 90.0, 100.0)
                .area("NORTH", "North District", null, "district")
                .area("SOUTH", "South District", null, "district")
                .area("AUTH", "Authority A", null, "authority")
                .area("AUTH-D", "Authority A District", "AUTH", "district");
        int k = 0;
        for (FiscalQuarter q = FIRST; !q.isAfter(LAST); q = q.next()) {
            k++;
            int key = q.key();
            b.returned(key, true, "sha-" + key)
                    .figure(key, "LAA 7.10", key, "", 120.0 + 5 * k, k % 2 == 0 ? "RED" : "AMBER")
                    .figure(key, "LAA 7.2", key, "", 100.0 + 10 * k + (k == 6 ? 40 : 0), k % 2 == 0 ? "GREEN" : "AMBER")
                    .figure(key, "LAA 7.9", key, "", 90.0 - k, "GREEN")
                    .figure(key, "LAA 7.2", key, "NORTH", 50.0 + 3 * k, "RED")
                    .figure(key, "LAA 7.2", key, "SOUTH", 40.0 + k, null)
                    .figure(key, "LAA 7.2", key, "AUTH", 60.0 + k, "GREEN")
                    .figure(key, "LAA 7.2", key, "AUTH-D", 20.0 + k, "AMBER");
        }
        b.commit();
        PublishResult published = new Publisher(m -> { })
                .publish(lake.lake(), SnapshotStore.at(dir.resolve("data")), PublishOptions.defaults());
        db = DriverManager.getConnection(published.snapshot().readOnlyUrl());
        areaKeys = new java.util.HashMap<>();
        new CatalogueQuery().areas(db).forEach(a -> areaKeys.put(a.code(), a.key()));
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void naturalOrder_comparesDigitRunsAsNumbers() {
        List<String> refs = new ArrayList<>(List.of("LAA 7.10", "NI 181", "LAA 7.2", "LAA 10.1", "NI 9", "LAA 7",
                "LAA 7.2.1"));
        refs.sort(NaturalOrder.INSTANCE);
        assertThat(refs).containsExactly("LAA 7", "LAA 7.2", "LAA 7.2.1", "LAA 7.10", "LAA 10.1", "NI 9", "NI 181");
        assertThat(NaturalOrder.INSTANCE.compare("LAA 7.2", "LAA 7.2")).isZero();
    }

    @Test
    void indicatorsGapsAndMoversAreListedInNaturalOrderOfReference() throws SQLException {
        List<String> natural = List.of("LAA 7.2", "LAA 7.9", "LAA 7.10");
        assertThat(new CatalogueQuery().indicators(db, "Safer", null)).extracting(IndicatorSummary::ref)
                .containsExactlyElementsOf(natural);
        assertThat(GAPS.gaps(db, LAST, "Safer", Basis.LATEST, areaKeys.get(""))).extracting(GapRow::indicator)
                .containsExactlyElementsOf(natural);
        Comparison moved = new ComparisonQuery().compare(db, LAST.previous(), LAST, Subject.INDICATORS, Basis.LATEST,
                areaKeys.get(""), 10);
        assertThat(moved.movers()).extracting(Mover::ref).containsExactly("LAA 7.2", "LAA 7.10");
    }

    @Test
    void acrossAreas_forTheWholeAuthorityListsItThenEveryTopLevelAreaByName() throws SQLException {
        List<AreaGapRow> rows = GAPS.acrossAreas(db, "LAA 7.2", LAST, Basis.LATEST, areaKeys.get(""));

        assertThat(rows).extracting(AreaGapRow::area).containsExactly("", "AUTH", "NORTH", "SOUTH");
        assertThat(rows).extracting(AreaGapRow::areaName)
                .containsExactly("Whole authority", "Authority A", "North District", "South District");
        AreaGapRow whole = rows.get(0);
        assertThat(whole.actual()).isEqualTo(100.0 + 60 + 40);
        assertThat(whole.areaType()).isEqualTo("whole authority");
        assertThat(whole.noPlanReason()).isNull();
        // NORTH against its own plan: 50 at 2006/07 Q4 to 90 at 2008/09 Q4, so 80 in 2008/09 Q2
        AreaGapRow north = rows.get(2);
        assertThat(north.actual()).isEqualTo(68.0);
        assertThat(north.planned()).isEqualTo(80.0);
        assertThat(north.gap()).isEqualTo(-12.0);
        assertThat(north.computedRating()).isNotNull();
        assertThat(north.directionVsPreviousQuarter()).isEqualTo(DirectionOfTravel.IMPROVING);
        assertThat(north.directionVsSameQuarterLastYear()).isEqualTo(DirectionOfTravel.IMPROVING);
        // SOUTH has no plan: actuals and directions only, never flagged as disagreeing
        AreaGapRow south = rows.get(3);
        assertThat(south.actual()).isEqualTo(46.0);
        assertThat(south.planned()).isNull();
        assertThat(south.gap()).isNull();
        assertThat(south.computedRating()).isNull();
        assertThat(south.ratingsDisagree()).isFalse();
        assertThat(south.noPlanReason()).isEqualTo("no plan for South District");
        assertThat(south.reportedRating()).isEqualTo(Rating.NOT_AVAILABLE);
        assertThat(south.directionVsPreviousQuarter()).isEqualTo(DirectionOfTravel.IMPROVING);
    }

    @Test
    void acrossAreas_forAnAuthorityListsItThenItsOwnAreas() throws SQLException {
        List<AreaGapRow> rows = GAPS.acrossAreas(db, "LAA 7.2", LAST, Basis.LATEST, areaKeys.get("AUTH"));
        assertThat(rows).extracting(AreaGapRow::area).containsExactly("AUTH", "AUTH-D");
        assertThat(rows).extracting(AreaGapRow::actual).containsExactly(66.0, 26.0);
        assertThat(rows).allSatisfy(r -> assertThat(r.noPlanReason()).startsWith("no plan for "));
    }

    @Test
    void acrossAreas_ratesEachAreaAsTheTrajectoryGapDoes() throws SQLException {
        for (AreaGapRow row : GAPS.acrossAreas(db, "LAA 7.2", LAST, Basis.AS_REPORTED, areaKeys.get(""))) {
            GapRow alone = GAPS.gaps(db, LAST, "Safer", Basis.AS_REPORTED, areaKeys.get(row.area())).stream()
                    .filter(g -> g.indicator().equals("LAA 7.2")).findFirst().orElseThrow();
            assertThat(new Object[] {row.actual(), row.planned(), row.gap(), row.gapShareOfPlannedImprovement(),
                    row.reportedRating(), row.computedRating(), row.ratingsDisagree(), row.computedRatingReason()})
                    .as(row.area())
                    .containsExactly(alone.actual(), alone.planned(), alone.gap(), alone.gapShareOfPlannedImprovement(),
                            alone.reportedRating(), alone.computedRating(), alone.ratingsDisagree(),
                            alone.computedRatingReason());
        }
    }

    @Test
    void themeProcessControl_readsEachIndicatorAsItsOwnTrendDoes() throws SQLException {
        TrendQuery trend = new TrendQuery(new SpcRules(3, 7, 6));
        Map<String, ControlChart> theme = trend.themeProcessControl(db, "safer", areaKeys.get(""), FIRST, LAST,
                Basis.LATEST);

        assertThat(theme.keySet()).containsExactly("LAA 7.2", "LAA 7.9", "LAA 7.10");
        Map<String, Polarity> polarity = Map.of("LAA 7.2", Polarity.HIGHER_IS_BETTER, "LAA 7.9",
                Polarity.LOWER_IS_BETTER, "LAA 7.10", Polarity.HIGHER_IS_BETTER);
        for (Map.Entry<String, ControlChart> e : theme.entrySet()) {
            ControlChart alone = trend.processTrend(db, e.getKey(), polarity.get(e.getKey()), Accumulation.LEVEL, areaKeys.get(""), FIRST,
                    LAST, Basis.LATEST, null).chart();
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(alone);
            assertThat(e.getValue().limits()).as(e.getKey()).isNotNull();
        }
        // the jump in the last quarter of LAA 7.2 is outside its limits: an improving special cause
        assertThat(theme.get("LAA 7.2").variation()).isEqualTo(io.trajectory.warehouse.spc.Variation.IMPROVING);
    }
}
