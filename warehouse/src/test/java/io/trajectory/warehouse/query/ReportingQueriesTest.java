package io.trajectory.warehouse.query;

import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.publish.LakeFixture;
import io.trajectory.warehouse.publish.PublishOptions;
import io.trajectory.warehouse.publish.PublishResult;
import io.trajectory.warehouse.publish.Publisher;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reporting the warehouse does once for the service, its pages and the notebooks, on a
 * published snapshot of the sample lake ({@link LakeFixture#commitSampleLoad()}): 2007/08 Q1 and Q2
 * signed off, Q3 not (so not published).
 */
class ReportingQueriesTest {

    static final FiscalQuarter Q1 = FiscalQuarter.of(2007, 1);
    static final FiscalQuarter Q2 = FiscalQuarter.of(2007, 2);

    @TempDir
    static Path dir;

    private static Connection db;
    private static int wholeAuthority;

    @BeforeAll
    static void publishTheSampleLake() throws SQLException {
        LakeFixture lake = new LakeFixture(dir.resolve("lake"));
        lake.commitSampleLoad();
        PublishResult published = new Publisher(m -> { })
                .publish(lake.lake(), SnapshotStore.at(dir.resolve("data")), PublishOptions.defaults());
        db = DriverManager.getConnection(published.snapshot().readOnlyUrl());
        wholeAuthority = new CatalogueQuery().areas(db).stream().filter(AreaRow::wholeAuthority).findFirst()
                .orElseThrow().key();
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    static RiskSummaryRow row(List<RiskSummaryRow> rows, String theme, Rating rating) {
        return rows.stream().filter(r -> r.theme().equals(theme) && r.rating() == rating).findFirst().orElseThrow();
    }

    @Test
    void riskSummary_givesEachThemeThisQuarterTheQuarterBeforeAndTheSameQuarterLastYear() throws SQLException {
        List<RiskSummaryRow> rows = new RiskSummaryQuery().summary(db, Q2, Basis.LATEST, wholeAuthority);

        assertThat(rows).extracting(RiskSummaryRow::theme).containsOnly("Children", "Safer", "Totals");
        assertThat(rows).hasSize(3 * Rating.values().length);
        RiskSummaryRow safer = row(rows, "Safer", Rating.GREEN);
        assertThat(safer.period()).isEqualTo("2007/08 Q2");
        assertThat(safer.count()).isEqualTo(1);
        assertThat(safer.previousPeriod()).isEqualTo("2007/08 Q1");
        assertThat(safer.previousCount()).isZero(); // NI-2 was Amber in Q1
        assertThat(row(rows, "Safer", Rating.AMBER).previousCount()).isEqualTo(1);
        RiskSummaryRow children = row(rows, "Children", Rating.RED);
        assertThat(children.count()).isZero();
        assertThat(children.previousCount()).isEqualTo(1); // NI-3 was Red in Q1
        assertThat(children.area()).isEmpty();
    }

    @Test
    void riskSummary_sharesFollowTheShareRuleAndAQuarterWithNoReturnHasNoCounts() throws SQLException {
        List<RiskSummaryRow> rows = new RiskSummaryQuery().summary(db, Q2, Basis.LATEST, wholeAuthority);

        RiskSummaryRow green = row(rows, "Totals", Rating.GREEN);
        RiskSummaryRow notAvailable = row(rows, "Totals", Rating.NOT_AVAILABLE);
        assertThat(green.count()).isEqualTo(2);
        assertThat(green.share()).isCloseTo(1.0, within(1e-12)); // of the 2 with data
        assertThat(notAvailable.count()).isEqualTo(1);
        assertThat(notAvailable.share()).isCloseTo(1.0 / 3, within(1e-12)); // of all 3 counted
        assertThat(row(rows, "Totals", Rating.ENDED).share()).isNull();
        assertThat(green.lastYearPeriod()).isEqualTo("2006/07 Q2");
        assertThat(rows).allMatch(r -> r.lastYearCount() == null && r.lastYearShare() == null);
    }

    @Test
    void movers_carryTheOfficerAndTheLaterQuartersCommentary() throws SQLException {
        Comparison c = new ComparisonQuery().compare(db, Q1, Q2, Subject.INDICATORS, Basis.LATEST, wholeAuthority);

        assertThat(c.movers()).extracting(Mover::ref).containsExactly("NI-3", "NI-2"); // Children before Safer
        Mover burglaries = c.movers().get(1);
        assertThat(burglaries.from()).isEqualTo(Rating.AMBER);
        assertThat(burglaries.to()).isEqualTo(Rating.GREEN);
        assertThat(burglaries.officer()).isEqualTo("B. Officer");
        assertThat(burglaries.comment()).isEqualTo("comment on NI-2");
        assertThat(burglaries.fromPeriod() + " " + burglaries.toPeriod() + " '" + burglaries.area() + "'")
                .isEqualTo("2007/08 Q1 2007/08 Q2 ''");
        assertThat(c.moversTotal()).isEqualTo(2);
    }

    @Test
    void movers_nameACommitmentAsTheReportDoesWithItsOfficer() throws SQLException {
        Comparison c = new ComparisonQuery().compare(db, Q1, Q2, Subject.COMMITMENTS, Basis.LATEST, null);

        assertThat(c.movers()).hasSize(1);
        Mover m = c.movers().get(0);
        assertThat(m.ref()).isEqualTo("C-1");
        assertThat(m.from() + ">" + m.to()).isEqualTo("GREEN>AMBER");
        assertThat(m.officer()).isEqualTo("C. Officer");
        assertThat(m.theme()).isEqualTo("Corporate and other");
        assertThat(m.area()).isEqualTo("all");
    }

    @Test
    void transitionsAndMoversCountTheSamePairs() throws SQLException {
        Comparison c = new ComparisonQuery().compare(db, Q1, Q2, Subject.INDICATORS, Basis.LATEST, wholeAuthority);

        long moved = c.transitions().stream().filter(t -> t.from() != t.to()).mapToLong(Transition::count).sum();
        assertThat(moved).isEqualTo(c.moversTotal());
        assertThat(c.transitions().stream().mapToLong(Transition::count).sum()).isEqualTo(3);
        assertThat(c.transitions()).allMatch(t -> t.fromPeriod().equals("2007/08 Q1") && t.area().isEmpty());
    }

    @Test
    void ratingPairs_canBeAskedForByHand() throws SQLException {
        assertThat(pairsAndMovers(Integer.toString(wholeAuthority))).as("whole authority").containsExactly(3L, 2L);
        // every area together: NORTH reported NI-1 in Q1 only, so it is Not available in Q2
        assertThat(pairsAndMovers("null")).as("every area").containsExactly(4L, 3L);
    }

    private static List<Long> pairsAndMovers(String area) throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("select count(*), count(*) filter (where from_rating <> to_rating) "
                     + "from rating_pairs('indicators', 'latest', 20071, 20072, " + area + ")")) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2));
        }
    }
}
